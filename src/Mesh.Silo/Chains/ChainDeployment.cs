using System.Diagnostics;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;

namespace Mesh.Silo.Chains;

/// <summary>
/// Deploys what a chain of the chains file lacks: a test token (<c>MeshTestToken</c>, minted by the deployer) for each
/// token whose address holds no code, and the vault with its bridge escrow when the vault address holds none.
/// The deployer administers the contracts and is the vault's operator. The same plan on a fresh chain gives the same addresses.
/// </summary>
internal static class ChainDeployment
{
    /// <summary>The chain with its deployed addresses, and whether anything was deployed.</summary>
    /// <exception cref="ChainIdMismatchException">The node serves another chain id than the file says.</exception>
    public static async Task<(ChainDefinition Chain, bool Deployed)> EnsureAsync(
        ChainDefinition chain, EvmSigningKey deployer, ContractArtifacts artifacts, EvmChainOptions options, bool force, ILogger logger, CancellationToken cancellationToken)
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

        var deployVault = force || !await probe.HasCodeAsync(url, chain.Contracts.Vault, cancellationToken).ConfigureAwait(false);
        if (missingTokens.Count == 0 && !deployVault)
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

        var result = chain with { Contracts = vault, Tokens = tokens };
        ChainsLog.Deployed(logger, chain.Name, vault.Vault, vault.Bridge, string.Join(", ", tokens.Select(t => $"{t.Symbol} {t.Address}")), clock.Elapsed.TotalSeconds);
        return (result, true);
    }
}
