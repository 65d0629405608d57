namespace Mesh.Chains.Configuration;

/// <summary>One EVM chain the mesh operates on, as declared in <c>chains.json</c>.</summary>
public sealed record ChainDefinition
{
    /// <summary>The mesh-wide chain name, matching <c>^[a-z0-9][a-z0-9-]{0,62}$</c>, e.g. <c>local-a</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The EIP-155 chain id (greater than zero), e.g. <c>31337</c>.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>The JSON-RPC endpoints (absolute http, https, ws or wss URLs), in order of preference; never empty.</summary>
    public required IReadOnlyList<Uri> RpcUrls { get; init; }

    /// <summary>How many blocks on top of a block make it final for the mesh (0 to 1000).</summary>
    public required int Confirmations { get; init; }

    /// <summary>The expected time between blocks (1 ms to 10 minutes).</summary>
    public required TimeSpan BlockTime { get; init; }

    /// <summary>The chain's native (gas) asset.</summary>
    public required NativeAsset NativeAsset { get; init; }

    /// <summary>The addresses of the mesh contracts deployed on this chain.</summary>
    public required MeshContracts Contracts { get; init; }

    /// <summary>The ERC-20 collateral tokens the mesh accepts on this chain; symbols and addresses are unique.</summary>
    public required IReadOnlyList<TokenDefinition> Tokens { get; init; }

    /// <summary>The on-chain price feeds of the chain's tokens (at most one per asset); empty when <c>chains.json</c> lists none.</summary>
    public IReadOnlyList<PriceFeedDefinition> PriceFeeds { get; init; } = [];

    /// <summary>Finds a collateral token by symbol (case-sensitive).</summary>
    /// <param name="symbol">The token symbol, e.g. <c>USDC</c>.</param>
    /// <returns>The token, or <see langword="null"/> when this chain has no such token.</returns>
    public TokenDefinition? FindToken(string symbol)
    {
        foreach (var token in Tokens)
        {
            if (string.Equals(token.Symbol, symbol, StringComparison.Ordinal))
            {
                return token;
            }
        }

        return null;
    }
}
