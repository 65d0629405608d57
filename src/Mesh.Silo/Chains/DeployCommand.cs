using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Hosting;
using Nethereum.JsonRpc.Client;

namespace Mesh.Silo.Chains;

/// <summary>
/// <c>deploy</c>: deploys the mesh contracts with the mesh signer's key (<c>Mesh:Evm</c>) to the endpoints of a chains
/// file and writes their addresses where the file holds them. A chain whose vault and tokens already hold code is
/// left alone unless <c>--force</c>. Progress goes to standard error, the addresses to standard output. Exit codes:
/// 0 deployed (or nothing to do), 1 a deployment transaction failed, 2 bad arguments, settings or chains file, 3 a node does not answer.
/// </summary>
internal static class DeployCommand
{
    public const string Name = "deploy";
    public const int Failed = 1;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            WriteHelp(output);
            return 0;
        }

        var logger = new TextWriterLogger(error, "deploy: ");
        try
        {
            var arguments = DeployArguments.Parse(args);
            var options = SettingsReader.Read(Configuration(arguments.Settings));
            var signer = SigningKeyLoader.Load(options.Evm, options.Chains.Dev, Environment.GetEnvironmentVariable);
            var chainsPath = Path.GetFullPath(arguments.ChainsFile ?? options.ChainsFile);
            var outPath = Path.GetFullPath(arguments.OutputFile ?? chainsPath);
            // The loader reports a missing or unreadable file with its path; the text is read again for patching.
            var chains = ChainsConfigurationLoader.Load(chainsPath);
            var text = await File.ReadAllTextAsync(chainsPath, cancellationToken);
            foreach (var warning in signer.Warnings)
            {
                ChainsLog.KeyWarning(logger, warning);
            }

            var client = options.Evm.Client;
            var unreachable = await UnreachableAsync(chains, client.AttemptTimeout, cancellationToken);
            if (unreachable.Count > 0)
            {
                foreach (var line in unreachable)
                {
                    await error.WriteLineAsync($"deploy: {line}");
                }

                return SiloStartupError.DependencyUnavailable;
            }

            var artifacts = await ContractsSetup.ArtifactsAsync(options.Evm, install: options.Chains.Dev, logger, cancellationToken);
            var results = await Task.WhenAll(chains.Chains.Select(c => ChainDeployment.EnsureAsync(c, signer.Key, artifacts, client, options.Oracles.SimulatedFeed.StartPrices, arguments.Force, logger, cancellationToken)));
            var written = ChainsFileWriter.Write(outPath, ChainsFileWriter.Patch(text, results.Select(r => r.Chain)));
            foreach (var (chain, deployed) in results)
            {
                await output.WriteLineAsync($"{chain.Name} (chain id {chain.ChainId}): {(deployed ? "deployed" : "already deployed")}: vault {chain.Contracts.Vault}, bridge {chain.Contracts.Bridge}, {string.Join(", ", chain.Tokens.Select(t => $"{t.Symbol} {t.Address}").Concat(chain.PriceFeeds.Select(f => $"{f.Asset} / USD feed {f.Address}")))}");
            }

            await output.WriteLineAsync($"wrote {outPath} ({written.Chains.Count} chains; operator and admin {signer.Key.Address})");
            return 0;
        }
        catch (ArgumentException bad)
        {
            await error.WriteLineAsync($"deploy: {bad.Message}");
            await error.WriteLineAsync("Run 'deploy --help' for the options.");
            return SiloStartupError.InvalidConfiguration;
        }
        catch (Exception exception) when (exception is SiloConfigurationException or ChainIdMismatchException)
        {
            await error.WriteLineAsync($"deploy: {exception.Message}");
            return SiloStartupError.InvalidConfiguration;
        }
        catch (ChainsConfigurationException chains)
        {
            await error.WriteLineAsync($"deploy: the chains file is invalid.{Environment.NewLine}{chains.Message}");
            return SiloStartupError.InvalidConfiguration;
        }
        catch (HardhatSetupException setup)
        {
            await error.WriteLineAsync($"deploy: the contracts could not be prepared: {setup.Message}");
            return SiloStartupError.InvalidConfiguration;
        }
        catch (ChainClientException chain) when (chain.Kind is ChainErrorKind.Unavailable or ChainErrorKind.Timeout)
        {
            await error.WriteLineAsync($"deploy: {chain.Message}");
            return SiloStartupError.DependencyUnavailable;
        }
        catch (Exception exception) when (exception is ChainClientException or RpcResponseException)
        {
            var reason = exception is RpcResponseException rpc ? rpc.RpcError?.Message ?? rpc.Message : exception.Message;
            await error.WriteLineAsync($"deploy: a deployment transaction failed: {reason}");
            return Failed;
        }
    }

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine("deploy: deploys the mesh contracts (test tokens, the vault and its bridge escrow) to the RPC endpoints of a chains file");
        output.WriteLine("and writes their addresses into each chain's \"contracts\" and its tokens' \"address\". The mesh signer's key (Mesh:Evm) deploys,");
        output.WriteLine("administers the contracts and is the vault's operator. Chains whose vault and tokens hold code are left alone.");
        output.WriteLine();
        output.WriteLine("Usage: Mesh.Silo deploy [--chains <file>] [--out <file>] [--force] [--Mesh:<setting>=<value> ...]");
        output.WriteLine("  --chains <file>   the chains file to deploy (default: Mesh:ChainsFile, chains.json)");
        output.WriteLine("  --out <file>      where to write the file with the deployed addresses (default: the chains file itself)");
        output.WriteLine("  --force           deploy everything again, even where code is deployed");
        output.WriteLine("  --Mesh:Evm:SigningKeyFile=<file>, --Mesh:Chains:Dev=true (Hardhat's account #0, installs and compiles on first use), ...");
        output.WriteLine();
        output.WriteLine("Exit codes: 0 deployed, 1 a deployment transaction failed, 2 bad arguments, settings or chains file, 3 a node does not answer.");
    }

    private static IConfiguration Configuration(IReadOnlyList<string> settings) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();

    private static async Task<List<string>> UnreachableAsync(ChainsConfiguration chains, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new EvmNodeProbe(timeout);
        var answers = await Task.WhenAll(chains.Chains.Select(async c => (Chain: c, Answer: await probe.ChainIdAsync(c.RpcUrls[0], cancellationToken))));
        var problems = new List<string>();
        foreach (var (chain, (id, failure)) in answers)
        {
            if (id is null)
            {
                problems.Add($"chain '{chain.Name}': the node at {RpcUrlDisplay.Of(chain.RpcUrls[0])} does not answer ({failure}).");
            }
            else if (id != chain.ChainId)
            {
                throw new ChainIdMismatchException(chain.Name, chain.RpcUrls[0], id.Value, chain.ChainId);
            }
        }

        return problems;
    }
}
