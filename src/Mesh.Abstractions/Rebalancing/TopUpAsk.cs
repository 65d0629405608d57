namespace Mesh.Rebalancing;

/// <summary>What one of a protocol's books below its band asks its siblings for: the collateral that takes it back to the band's middle.</summary>
/// <param name="Vault">The asking vault's key (the desk's protocol and chain).</param>
/// <param name="Asset">The collateral it asks for (the one it holds most of).</param>
/// <param name="Amount">How much, in base units; above zero.</param>
/// <param name="HealthFactor">Its health factor now: the lowest is served first.</param>
/// <param name="Number">The vault's ask number: it names the orders the ask is matched with, so it is new for every ask.</param>
[GenerateSerializer]
[Alias("mesh.topup.ask")]
public sealed record TopUpAsk(
    [property: Id(0)] string Vault,
    [property: Id(1)] string Asset,
    [property: Id(2)] UInt128 Amount,
    [property: Id(3)] double HealthFactor,
    [property: Id(4)] long Number);
