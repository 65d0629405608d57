namespace Mesh.Rebalancing;

/// <summary>What one of a protocol's books on a chain can give its siblings: the collateral it holds beyond the band's top.</summary>
/// <param name="Vault">The offering vault's key (<c>protocol/chain</c> or <c>protocol/chain/account</c>, the desk's protocol and chain).</param>
/// <param name="Asset">The collateral it offers.</param>
/// <param name="Amount">How much, in base units; zero withdraws the offer.</param>
/// <param name="AsOf">When the vault valued it; an older offer than the desk holds is ignored.</param>
[GenerateSerializer]
[Alias("mesh.topup.offer")]
public sealed record TopUpOffer(
    [property: Id(0)] string Vault,
    [property: Id(1)] string Asset,
    [property: Id(2)] UInt128 Amount,
    [property: Id(3)] DateTimeOffset AsOf);
