namespace Mesh.Silo.Tests.Evm;

/// <summary>The tests that start Hardhat nodes or EVM-mode silos: one after another, so that they do not share the cores.</summary>
[CollectionDefinition(Name)]
public sealed class EvmCollection
{
    public const string Name = "evm chains";
}
