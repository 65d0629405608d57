using Mesh.Chains.Configuration;

namespace Mesh.Chains.Evm.Deployment;

/// <summary>The mesh contracts deployed on one chain, in the shape <c>chains.json</c> holds them.</summary>
/// <param name="ChainId">The chain id the node reported.</param>
/// <param name="Contracts">The vault and its bridge escrow (<c>contracts</c> in <c>chains.json</c>).</param>
/// <param name="Tokens">The tokens (<c>tokens</c> in <c>chains.json</c>).</param>
/// <param name="PriceFeeds">The price feeds.</param>
/// <param name="DeploymentBlock">The block of the vault's deployment: where event indexing starts.</param>
public sealed record DeployedChain(
    ulong ChainId,
    MeshContracts Contracts,
    IReadOnlyList<TokenDefinition> Tokens,
    IReadOnlyList<DeployedPriceFeed> PriceFeeds,
    ulong DeploymentBlock)
{
    /// <summary>The chain definition with these contracts and tokens in place of its own.</summary>
    /// <param name="chain">The chain as configured.</param>
    /// <returns>The updated definition.</returns>
    /// <exception cref="ArgumentException">When the chain ids differ.</exception>
    public ChainDefinition ApplyTo(ChainDefinition chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.ChainId == ChainId
            ? chain with { Contracts = Contracts, Tokens = Tokens }
            : throw new ArgumentException($"Chain '{chain.Name}' has id {chain.ChainId}; the contracts were deployed on chain id {ChainId}.", nameof(chain));
    }
}
