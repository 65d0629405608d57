namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>The tests that share the three local chains; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LocalChainsCollection : ICollectionFixture<LocalChains>
{
    public const string Name = "local EVM chains";
}
