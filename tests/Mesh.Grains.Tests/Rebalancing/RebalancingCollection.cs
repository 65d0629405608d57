namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The coordinator tests share one cluster (two coordinators: USDC and WETH) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RebalancingCollection : ICollectionFixture<RebalancingFixture>
{
    public const string Name = "Rebalancing";
}
