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
    /// <param name="store">
    /// The transaction store (nonces, signed transactions, the signing lock), which the caller disposes after the
    /// client; a SQLite store at <see cref="EvmChainOptions.TransactionStorePath"/> when <see langword="null"/>.
    /// </param>
    /// <returns>The client.</returns>
    public static IChainClient CreateClient(
        ChainDefinition chain, EvmSigningKey signer, EvmChainOptions options, TimeProvider? timeProvider = null, ILogger? logger = null,
        EvmTransactionStore? store = null) =>
        new EvmChainClient(chain, signer, options, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance, store);

    /// <summary>
    /// Creates one client per chain of <paramref name="configuration"/>, all signing with <paramref name="signer"/> and
    /// sharing one transaction store. The provider also implements <see cref="IDisposable"/>; disposing it disposes the clients.
    /// </summary>
    /// <param name="configuration">The validated <c>chains.json</c>, with the deployed contracts.</param>
    /// <param name="signer">The mesh's signing key.</param>
    /// <param name="options">RPC, fee and store options.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="store">
    /// The transaction store of every client, which the caller disposes after the provider (<see cref="EvmTransactionStore.PostgreSql"/>
    /// for silos of one cluster); a SQLite store at <see cref="EvmChainOptions.TransactionStorePath"/> when <see langword="null"/>.
    /// </param>
    /// <returns>The provider.</returns>
    public static IChainClientProvider CreateProvider(
        ChainsConfiguration configuration, EvmSigningKey signer, EvmChainOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null,
        EvmTransactionStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var logger = loggerFactory?.CreateLogger("Mesh.Chains.Evm") ?? NullLogger.Instance;
        return new EvmChainClientProvider(configuration.Chains.Select(c =>
            new EvmChainClient(c, signer, options, timeProvider ?? TimeProvider.System, logger, store)).ToList());
    }

    /// <summary>
    /// Creates the reader of the price feeds that <paramref name="configuration"/> lists (each chain's <c>priceFeeds</c>).
    /// It also implements <see cref="IDisposable"/> (its HTTP connections); dispose it when done.
    /// </summary>
    /// <param name="configuration">The validated <c>chains.json</c>.</param>
    /// <param name="options">RPC options (timeouts, retries, circuit breakers).</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="clients">
    /// The chain clients of <see cref="CreateProvider"/>, if any: the reader then calls each chain through its client's
    /// endpoints and circuit breakers (one circuit per endpoint) instead of opening its own.
    /// </param>
    /// <returns>The reader.</returns>
    public static Mesh.Chains.Feeds.IPriceFeedReader CreatePriceFeedReader(
        ChainsConfiguration configuration, EvmChainOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IChainClientProvider? clients = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new Mesh.Chains.Evm.Feeds.EvmPriceFeedReader(
            configuration, options, timeProvider ?? TimeProvider.System, loggerFactory?.CreateLogger("Mesh.Chains.Evm") ?? NullLogger.Instance,
            (clients as EvmChainClientProvider)?.Gateways);
    }
}
