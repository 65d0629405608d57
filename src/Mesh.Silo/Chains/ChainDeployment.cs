using System.Diagnostics;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;

namespace Mesh.Silo.Chains;

/// <summary>
/// Deploys what a chain of the chains file lacks: a test token (<c>MeshTestToken</c>, minted by the deployer) for each
/// token whose address holds no code, the vault with its bridge escrow when the vault address holds none, and a test
/// price feed (<c>MeshPriceFeed</c>, updated by the deployer) for each price feed whose address holds none, starting at
/// the asset's price in the start prices it is given when it has one (otherwise the feed has no round until one is published).
/// The deployer administers the contracts and is the vault's operator. The same plan on a fresh chain gives the same addresses.
/// </summary>
internal static class ChainDeployment
{
    /// <summary>The chain with its deployed addresses, and whether anything was deployed.</summary>
    /// <exception cref="ChainIdMismatchException">The node serves another chain id than the file says.</exception>
    public static async Task<(ChainDefinition Chain, bool Deployed)> EnsureAsync(
        ChainDefinition chain,
        EvmSigningKey deployer,
        ContractArtifacts artifacts,
        EvmChainOptions options,
        IReadOnlyDictionary<string, double> startPrices,
        bool force,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var probe = new EvmNodeProbe(options.AttemptTimeout);
        var url = chain.RpcUrls[0];
        var missingTokens = new List<TokenDefinition>();
        foreach (var token in chain.Tokens)
        {
            if (force || !await probe.HasCodeAsync(url, token.Address, cancellationToken).ConfigureAwait(false))
            {
                missingTokens.Add(token);
            }
        }

        var missingFeeds = new List<PriceFeedDefinition>();
        foreach (var feed in chain.PriceFeeds)
        {
            if (force || !await probe.HasCodeAsync(url, feed.Address, cancellationToken).ConfigureAwait(false))
            {
                missingFeeds.Add(feed);
            }
        }

        var deployVault = force || !await probe.HasCodeAsync(url, chain.Contracts.Vault, cancellationToken).ConfigureAwait(false);
        if (missingTokens.Count == 0 && missingFeeds.Count == 0 && !deployVault)
        {
            return (chain, false);
        }

        var clock = Stopwatch.StartNew();
        using var contracts = await ContractDeployer.ConnectAsync(chain.RpcUrls, deployer, artifacts, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (contracts.ChainId != chain.ChainId)
        {
            throw new ChainIdMismatchException(chain.Name, url, contracts.ChainId, chain.ChainId);
        }

        ChainsLog.Deploying(logger, chain.Name, missingTokens.Count, deployer.Address);
        var tokens = chain.Tokens.ToList();
        foreach (var token in missingTokens)
        {
            var deployed = await contracts.DeployTokenAsync(new TokenSpec(token.Symbol, $"Mesh Test {token.Symbol}", token.Decimals), cancellationToken).ConfigureAwait(false);
            tokens[tokens.IndexOf(token)] = deployed;
        }

        var vault = chain.Contracts;
        if (deployVault)
        {
            vault = (await contracts.DeployAsync(new DeploymentPlan(deployer.Address, [], []), cancellationToken).ConfigureAwait(false)).Contracts;
        }

        var feeds = chain.PriceFeeds.ToList();
        foreach (var feed in missingFeeds)
        {
            var deployed = await contracts.DeployPriceFeedAsync(new PriceFeedSpec($"{feed.Asset} / USD", feed.Decimals, InitialAnswer(feed, startPrices)), cancellationToken).ConfigureAwait(false);
            feeds[feeds.IndexOf(feed)] = feed with { Address = deployed.Address };
        }

        var result = chain with { Contracts = vault, Tokens = tokens, PriceFeeds = feeds };
        ChainsLog.Deployed(
            logger,
            chain.Name,
            vault.Vault,
            vault.Bridge,
            string.Join(", ", tokens.Select(t => $"{t.Symbol} {t.Address}").Concat(feeds.Select(f => $"{f.Asset} / USD feed {f.Address}"))),
            clock.Elapsed.TotalSeconds);
        return (result, true);
    }

    /// <summary>The asset's start price in the feed's decimals, or none when there is no start price or it does not fit.</summary>
    private static long? InitialAnswer(PriceFeedDefinition feed, IReadOnlyDictionary<string, double> startPrices)
    {
        if (!startPrices.TryGetValue(feed.Asset, out var price) || !(price > 0))
        {
            return null;
        }

        var scaled = Math.Round(price * Math.Pow(10, feed.Decimals));
        return scaled is >= 1 and < long.MaxValue ? (long)scaled : null;
    }
}
