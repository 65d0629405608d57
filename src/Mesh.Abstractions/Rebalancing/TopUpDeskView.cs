namespace Mesh.Rebalancing;

/// <summary>A top-up desk as it stands.</summary>
/// <param name="Desk">Its key, <c>protocol/chain</c>.</param>
/// <param name="Offers">The books offering collateral now.</param>
/// <param name="Asks">The asks waiting for the next round.</param>
/// <param name="Orders">The orders it has matched since it was activated.</param>
/// <param name="Matched">What those orders moved per asset, base units (an order the giver refused counts here too: the giver's book is the record).</param>
[GenerateSerializer]
[Alias("mesh.topup.desk-view")]
public sealed record TopUpDeskView(
    [property: Id(0)] string Desk,
    [property: Id(1)] int Offers,
    [property: Id(2)] int Asks,
    [property: Id(3)] long Orders,
    [property: Id(4)] IReadOnlyDictionary<string, UInt128> Matched);
