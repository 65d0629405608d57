namespace Mesh.Vaults;

/// <summary>How a vault rebalances by itself.</summary>
/// <param name="AutoSell">Below its band the vault sells collateral under its market coordinator's grants, and repays its debt with the proceeds.</param>
/// <param name="Predictive">The vault also follows its allocation policy on the oracle's forecast regime, so that it shifts toward stable assets before a shock.</param>
[GenerateSerializer]
[Alias("mesh.vault.rebalance-settings")]
public sealed record RebalanceSettings(
    [property: Id(0)] bool AutoSell,
    [property: Id(1)] bool Predictive = false);
