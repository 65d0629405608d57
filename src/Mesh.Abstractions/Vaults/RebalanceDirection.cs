namespace Mesh.Vaults;

/// <summary>Which way a vault is out of its health band.</summary>
[GenerateSerializer]
[Alias("mesh.vault.rebalance-direction")]
public enum RebalanceDirection
{
    /// <summary>Inside the band: nothing to do.</summary>
    None = 0,

    /// <summary>Below the band: collateral must be added or obligations reduced.</summary>
    Raise = 1,

    /// <summary>Above the band: collateral can be released.</summary>
    Release = 2,
}
