namespace Mesh.Grains.Tests.Rebalancing.Sales;

/// <summary>
/// A WETH market far shallower than what one vault holds: the venue at a day depth of 20 WETH, WETH's coordinator on
/// the adaptive policy (the default) with its spillover gate on (the default).
/// </summary>
public sealed class SpilloverFixture : VenueFixture
{
    protected override int DepthWeth => 20;

    protected override IReadOnlyDictionary<string, string> Rebalancing { get; } = new Dictionary<string, string>();
}
