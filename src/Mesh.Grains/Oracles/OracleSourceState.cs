namespace Mesh.Grains.Oracles;

/// <summary>The latest accepted observation of one source.</summary>
internal sealed class OracleSourceState
{
    /// <summary>Gets or sets the price mantissa at the state's decimals.</summary>
    public long Price { get; set; }

    /// <summary>Gets or sets when the source observed the price (its own timestamp).</summary>
    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>Gets or sets when the oracle accepted it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
