namespace Mesh.Grains.Transfers;

/// <summary>A bridge route's use (plain data).</summary>
public sealed class TransferRouteState
{
    /// <summary>Gets or sets the admitted transfers in transit and their amounts, base units.</summary>
    public Dictionary<string, UInt128> InTransit { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the bucket's tokens as of <see cref="RefilledAtUnixSeconds"/>; null while the bucket was never used (full).</summary>
    public UInt128? Tokens { get; set; }

    /// <summary>Gets or sets the whole second the tokens were last brought up to date.</summary>
    public long RefilledAtUnixSeconds { get; set; }
}
