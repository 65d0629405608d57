using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Hosting;

namespace Mesh.Silo.Chains;

internal static partial class EvmChainsStartup
{
    /// <summary>One start-up's checks, sharing the tool chain and artifacts (prepared at most once) between its chains.</summary>
    private sealed class StartupRun(MeshOptions options, SigningKeySource signer, LocalChainNodes nodes, ChainsConfiguration? previous, string chainsPath) : IDisposable
    {
        private readonly SemaphoreSlim _setup = new(1, 1);
        private HardhatToolchain? _toolchain;
        private ContractArtifacts? _artifacts;

        private bool Dev => options.Chains.Dev;

        public void Dispose() => _setup.Dispose();

        public async Task<(ChainDefinition Chain, bool Changed)> PrepareAsync(ChainDefinition chain, CancellationToken cancellationToken)
        {
            var url = chain.RpcUrls[0];
            using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(2));
            var (id, failure) = await probe.ChainIdAsync(url, cancellationToken).ConfigureAwait(false);
            if (id is null)
            {
                if (!Dev)
                {
                    ChainsLog.Unreachable(nodes.Logger, chain.Name, RpcUrlDisplay.Of(url), failure ?? "no answer");
                    return (chain, false);
                }

                await StartNodeAsync(chain, url, failure, cancellationToken).ConfigureAwait(false);
            }
            else if (id != chain.ChainId)
            {
                throw new SiloConfigurationException("Mesh:ChainsFile: " + new ChainIdMismatchException(chain.Name, url, id.Value, chain.ChainId).Message);
            }

            var earlier = previous?.FindChain(chain.Name) is { } p && p.ChainId == chain.ChainId && p.RpcUrls.SequenceEqual(chain.RpcUrls) ? p : null;
            ChainDefinition[] candidates = earlier is null ? [chain] : [chain, earlier];
            foreach (var candidate in candidates)
            {
                if (await MissingAsync(probe, url, candidate, Dev, cancellationToken).ConfigureAwait(false) is null)
                {
                    ChainsLog.Ready(nodes.Logger, chain.Name, RpcUrlDisplay.Of(url), chain.ChainId, candidate.Contracts.Vault);
                    return (candidate, !ReferenceEquals(candidate, chain));
                }
            }

            if (!Dev)
            {
                var missing = await MissingAsync(probe, url, chain, feeds: false, cancellationToken).ConfigureAwait(false);
                throw new SiloConfigurationException(
                    $"Mesh:ChainsFile: chain '{chain.Name}' at {RpcUrlDisplay.Of(url)} has no contract at the {missing} the chains file {chainsPath} names; "
                    + $"deploy the contracts first: dotnet run --project src/Mesh.Silo -- deploy --chains {chainsPath}");
            }

            var artifacts = await ArtifactsAsync(cancellationToken).ConfigureAwait(false);
            var (deployed, _) = await ChainDeployment.EnsureAsync(chain, signer.Key, artifacts, options.Evm.Client, options.Oracles.SimulatedFeed.StartPrices, force: false, nodes.Logger, cancellationToken).ConfigureAwait(false);
            return (deployed, true);
        }

        /// <summary>
        /// What of the chain's contracts holds no code (the vault, a token, in dev mode also a price feed), or null when all
        /// are deployed. Outside dev mode a feed without code does not stop start-up: its grain's status and log say so.
        /// </summary>
        private static async Task<string?> MissingAsync(EvmNodeProbe probe, Uri url, ChainDefinition chain, bool feeds, CancellationToken cancellationToken)
        {
            if (!await probe.HasCodeAsync(url, chain.Contracts.Vault, cancellationToken).ConfigureAwait(false))
            {
                return $"vault address {chain.Contracts.Vault}";
            }

            foreach (var token in chain.Tokens)
            {
                if (!await probe.HasCodeAsync(url, token.Address, cancellationToken).ConfigureAwait(false))
                {
                    return $"{token.Symbol} token address {token.Address}";
                }
            }

            foreach (var feed in feeds ? chain.PriceFeeds : [])
            {
                if (!await probe.HasCodeAsync(url, feed.Address, cancellationToken).ConfigureAwait(false))
                {
                    return $"{feed.Asset} price feed address {feed.Address}";
                }
            }

            return null;
        }

        private async Task StartNodeAsync(ChainDefinition chain, Uri url, string? failure, CancellationToken cancellationToken)
        {
            if (!IsLoopback(url, out var port))
            {
                throw new SiloConfigurationException(
                    $"Mesh:Chains:Dev: chain '{chain.Name}' at {RpcUrlDisplay.Of(url)} does not answer ({failure}); dev mode starts nodes only for http://127.0.0.1:<port> or http://localhost:<port> endpoints.");
            }

            var toolchain = await ToolchainAsync(cancellationToken).ConfigureAwait(false);
            ChainsLog.StartingNode(nodes.Logger, chain.Name, RpcUrlDisplay.Of(url), chain.ChainId, (long)chain.BlockTime.TotalMilliseconds);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var node = await toolchain.StartNodeAsync(port, chain.ChainId, chain.BlockTime, options.Evm.NodeStartTimeout, cancellationToken).ConfigureAwait(false);
            nodes.Add(chain.Name, node);
            ChainsLog.NodeStarted(nodes.Logger, chain.Name, node.ProcessId, RpcUrlDisplay.Of(node.Url), clock.Elapsed.TotalSeconds);
        }

        private async Task<HardhatToolchain> ToolchainAsync(CancellationToken cancellationToken)
        {
            await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return _toolchain ??= await ContractsSetup.ToolchainAsync(options.Evm, install: true, nodes.Logger, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _setup.Release();
            }
        }

        private async Task<ContractArtifacts> ArtifactsAsync(CancellationToken cancellationToken)
        {
            await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return _artifacts ??= await ContractsSetup.ArtifactsAsync(options.Evm, install: true, nodes.Logger, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _setup.Release();
            }
        }
    }
}
