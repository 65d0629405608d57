namespace Mesh.Grains.Pools;

/// <summary>How a pool keeps the answers it gave (<c>Mesh:Pools</c>).</summary>
public sealed class PoolOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mesh:Pools";

    /// <summary>
    /// Gets or sets how long a pool keeps an answer after its caller has acknowledged it
    /// (<see cref="Mesh.Pools.ICollateralPoolGrain.Forget"/>: the caller recorded it and will not ask again); then the
    /// id is forgotten. Keep it well above <c>Mesh:Orleans:ResponseTimeout</c>, the longest a request can still be in
    /// flight: a request that arrived after its answer was forgotten would be applied again.
    /// </summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan RetainAcknowledgedFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">Naming the setting out of range.</exception>
    public void Validate()
    {
        if (RetainAcknowledgedFor <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}:{nameof(RetainAcknowledgedFor)} must be above zero; it is {RetainAcknowledgedFor}.");
        }
    }
}
