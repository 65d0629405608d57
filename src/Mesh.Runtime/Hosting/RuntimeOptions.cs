namespace Mesh.Runtime.Hosting;

/// <summary>Settings of the grain runtime (configuration section <c>Mesh:Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    /// <summary>Gets or sets how long an activation may stay idle before it is deactivated.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how often idle activations are looked for.</summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the deadline of a grain call.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the deadline for reading state and running OnActivateAsync.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the deadline for OnDeactivateAsync.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a graceful stop waits for activations to deactivate.</summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the shortest reminder period accepted.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long to wait before retrying a reminder tick that could not be claimed.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the number of partitions grain ids hash to; every silo of a cluster must agree.</summary>
    /// <value>The default is 1024.</value>
    public int PartitionCount { get; set; } = 1024;

    /// <summary>Returns the problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(errors, nameof(CollectionAge), CollectionAge);
        Positive(errors, nameof(CollectionQuantum), CollectionQuantum);
        Positive(errors, nameof(ResponseTimeout), ResponseTimeout);
        Positive(errors, nameof(ActivationTimeout), ActivationTimeout);
        Positive(errors, nameof(DeactivationTimeout), DeactivationTimeout);
        Positive(errors, nameof(ShutdownTimeout), ShutdownTimeout);
        Positive(errors, nameof(MinimumReminderPeriod), MinimumReminderPeriod);
        Positive(errors, nameof(ReminderRetryDelay), ReminderRetryDelay);
        if (CollectionQuantum > CollectionAge)
        {
            errors.Add($"Mesh:Runtime:CollectionQuantum ({CollectionQuantum}) must not exceed Mesh:Runtime:CollectionAge ({CollectionAge}).");
        }

        if (PartitionCount is < 1 or > 65536)
        {
            errors.Add($"Mesh:Runtime:PartitionCount must be between 1 and 65536; got {PartitionCount}.");
        }

        return errors;
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Mesh:Runtime:{name} must be positive; got {value}.");
        }
    }
}
