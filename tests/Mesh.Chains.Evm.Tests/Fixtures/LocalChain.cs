using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>A running Hardhat node with the mesh contracts deployed, and its definition as <c>chains.json</c> would hold it.</summary>
internal sealed record LocalChain(HardhatNode Node, ChainDefinition Definition, DeployedChain Deployed, ContractDeployer Deployer)
{
    public TestRpc Rpc => Node.Rpc;

    public string Token(string symbol) => Definition.FindToken(symbol)!.Address;
}
