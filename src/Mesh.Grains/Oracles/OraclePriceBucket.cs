namespace Mesh.Grains.Oracles;

/// <summary>The lowest and highest aggregate inside one slice of the breaker window.</summary>
internal sealed class OraclePriceBucket
{
    /// <summary>Gets or sets the start of the slice.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Gets or sets the lowest aggregate mantissa in the slice.</summary>
    public long Low { get; set; }

    /// <summary>Gets or sets the highest aggregate mantissa in the slice.</summary>
    public long High { get; set; }
}
