namespace Mesh.Grains.Transfers;

/// <summary>How transfer sagas run (settings section <c>Mesh:Transfers</c>).</summary>
public sealed class TransferOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "Mesh:Transfers";

    /// <summary>Gets or sets how long a quote may be executed after it is made.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan QuoteTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the lock on the source may take to become final before the transfer compensates.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets after how long in one phase an executed transfer is reported as stuck to operators.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how often an active transfer asks its chains how its operations stand.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the period of the durable reminder that resumes a transfer after a silo crash (Orleans' minimum applies).</summary>
    /// <value>The default is 1 minute.</value>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets after how many block times (chains.json's <c>blockTimeMs</c>) without a new head number a chain
    /// counts as halted for a transfer. A destination judged halted before the release is sent makes the transfer
    /// compensate; once the release is sent, a halt only makes it wait (see the refund rule on the saga).
    /// </summary>
    /// <value>The default is 5.</value>
    public int HaltedAfterBlocks { get; set; } = 5;

    /// <summary>Gets or sets the longest deadline a request may ask for.</summary>
    /// <value>The default is 1 day.</value>
    public TimeSpan MaxDeadline { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">Naming the first setting out of range.</exception>
    public void Validate()
    {
        Positive(QuoteTtl, nameof(QuoteTtl));
        Positive(LockTimeout, nameof(LockTimeout));
        Positive(StuckAfter, nameof(StuckAfter));
        Positive(PollInterval, nameof(PollInterval));
        Positive(ResumePeriod, nameof(ResumePeriod));
        Positive(MaxDeadline, nameof(MaxDeadline));
        if (HaltedAfterBlocks <= 0)
        {
            throw new ArgumentException($"{Section}:{nameof(HaltedAfterBlocks)} must be greater than zero; it is {HaltedAfterBlocks}.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}:{name} must be greater than zero; it is {value}.");
        }
    }
}
