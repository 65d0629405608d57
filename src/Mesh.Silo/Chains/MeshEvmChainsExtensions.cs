using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Feeds;
using Mesh.Silo.Hosting;
using Mesh.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Silo.Chains;

/// <summary>Serves the chains of <c>chains.json</c> through <see cref="EvmChains"/> clients instead of the simulated chain.</summary>
internal static class MeshEvmChainsExtensions
{
    public const string TransactionStoreFileName = "evm-transactions.db";

    /// <summary>
    /// Replaces the <see cref="IChainClientProvider"/> (and the keyed <see cref="IChainClient"/>s) that the grains'
    /// services registered with EVM clients signing with <paramref name="signer"/>, and reads chains.json's price feeds
    /// (unless <c>Mesh:Oracles:ChainFeeds:Enabled</c> is false). Call it after <c>AddMeshGrains</c>. The clients keep
    /// their transactions in the cluster's PostgreSQL database when the storage is PostgreSQL (every silo signs with
    /// the same key, so they share the store and its lock), else in the SQLite file of <see cref="ClientOptions"/>.
    /// </summary>
    public static IServiceCollection UseMeshEvmChains(this IServiceCollection services, MeshOptions options, ChainsConfiguration chains, SigningKeySource signer)
    {
        var client = ClientOptions(options);
        services.AddSingleton(sp => options.Storage.Provider == StorageProvider.PostgreSql
            ? EvmTransactionStore.PostgreSql(StorageConnection.Resolve(options, folder: null), sp.GetRequiredService<ILoggerFactory>())
            : EvmTransactionStore.Sqlite(client.TransactionStorePath));
        services.Replace(ServiceDescriptor.Singleton<IChainClientProvider>(sp =>
        {
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var logger = loggers.CreateLogger("Mesh.Silo.Chains");
            var store = sp.GetRequiredService<EvmTransactionStore>();
            ChainsLog.EvmChains(logger, chains.Chains.Count, signer.Key.Address, signer.Source, store.Description);
            foreach (var warning in signer.Warnings)
            {
                ChainsLog.KeyWarning(logger, warning);
            }

            return EvmChains.CreateProvider(chains, signer.Key, client, sp.GetRequiredService<TimeProvider>(), loggers, store);
        }));
        // The on-chain price feeds of chains.json are one more source of each asset's oracle, unless turned off.
        options.Oracles.ChainFeeds.Enabled ??= true;
        services.AddSingleton<IPriceFeedReader>(sp =>
            EvmChains.CreatePriceFeedReader(chains, client, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IChainClientProvider>()));
        foreach (var chain in chains.Chains)
        {
            var name = chain.Name;
            services.AddKeyedSingleton<IChainClient>(name, (sp, _) => sp.GetRequiredService<IChainClientProvider>().GetClient(name));
        }

        return services;
    }

    /// <summary>The client options of the settings, with the (SQLite) transaction store in the data folder unless a file is set.</summary>
    public static EvmChainOptions ClientOptions(MeshOptions options)
    {
        var client = options.Evm.Client;
        client.TransactionStorePath = string.IsNullOrWhiteSpace(options.Evm.TransactionStoreFile)
            ? Path.GetFullPath(Path.Combine(options.DataDirectory, TransactionStoreFileName))
            : Path.GetFullPath(options.Evm.TransactionStoreFile);
        return client;
    }
}
