namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// The venue at a day depth of 10,000 WETH; WETH's coordinator runs the static caps with room to spare, and a grant
/// expires one second after it is made.
/// </summary>
public sealed class SaleFixture : VenueFixture
{
    protected override int DepthWeth => 10_000;

    protected override IReadOnlyDictionary<string, string> Rebalancing { get; } = new Dictionary<string, string>
    {
        ["Mesh:Rebalancing:GrantTtl"] = "00:00:01",
        ["Mesh:Rebalancing:Markets:WETH:Policy"] = "StaticCaps",
        ["Mesh:Rebalancing:Markets:WETH:Hole"] = (1_000 * Infrastructure.Members.WethUnit).ToString(),
    };
}
