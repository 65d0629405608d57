using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm;

/// <summary>Creates <see cref="IChainClient"/>s for real EVM chains.</summary>
public static class EvmChains
{
    /// <summary>
    /// Creates the client of one chain. The client also implements <see cref="IDisposable"/> (its HTTP connections);
    /// dispose it when done.
    /// </summary>
    /// <param name="chain">The chain, with its deployed vault and tokens.</param>
    /// <param name="signer">The mesh's signing key on the chain (the vault's operator).</param>
    /// <param name="options">RPC, fee and store options.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">The logger, if any; keys never reach it.</param>
    /// <returns>The client.</returns>
    public static IChainClient CreateClient(
        ChainDefinition chain, EvmSigningKey signer, EvmChainOptions options, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        new EvmChainClient(chain, signer, options, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
}
