namespace Mesh.Vaults;

/// <summary>How a vault rebalances by itself.</summary>
/// <param name="AutoSell">Below its band the vault sells collateral under its market coordinator's grants, and repays its debt with the proceeds.</param>
/// <param name="Predictive">The vault also follows its allocation policy on the oracle's forecast regime, so that it shifts toward stable assets before a shock.</param>
/// <param name="Hedge">
/// The vault keeps its net delta inside the hedge band by trading perps through the market seam: when the delta
/// advice (<see cref="IVaultGrain.HedgeAdvice"/>) asks for a hedge, a short one is sized under its underlying's
/// coordinator grant (the same sale budget as a spot sale) and a long one, which adds no sell pressure, trades at once.
/// </param>
/// <param name="TopUps">
/// The vault shares collateral with the protocol's other books on its chain that take part (its top-up desk,
/// <see cref="Mesh.Rebalancing.ITopUpDeskGrain"/>): above the band's top it offers what it holds beyond it, and below
/// the band it asks them for collateral before it sells, so that one protocol's spare margin covers its own books
/// instead of the market. Only a protocol's account books take part (<c>protocol/chain/account</c>; the main vault is
/// refused, 422 <c>rebalancing.top_ups_need_account</c>).
/// </param>
[GenerateSerializer]
[Alias("mesh.vault.rebalance-settings")]
public sealed record RebalanceSettings(
    [property: Id(0)] bool AutoSell,
    [property: Id(1)] bool Predictive = false,
    [property: Id(2)] bool Hedge = false,
    [property: Id(3)] bool TopUps = false);
