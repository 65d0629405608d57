namespace Mesh.Grains.Chains;

/// <summary>A final total of the index: one protocol's vault balance of one token, in base units.</summary>
internal sealed class IndexedTotalState
{
    /// <summary>Gets or sets the protocol.</summary>
    public string Protocol { get; set; } = "";

    /// <summary>Gets or sets the token symbol.</summary>
    public string Token { get; set; } = "";

    /// <summary>Gets or sets the amount in base units.</summary>
    public UInt128 Amount { get; set; }
}
