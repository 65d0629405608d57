using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Hosting;

namespace Mesh.Silo.Chains;

/// <summary>
/// Runs before an EVM-mode silo is built. Checks each chain of the chains file: its node answers with the file's chain
/// id and its vault and tokens hold code (a node that does not answer is logged and the silo starts anyway). In dev
/// mode a loopback endpoint that is down gets a Hardhat node (npm packages installed and contracts compiled on first
/// use), and a chain without contracts gets them deployed; the chains file with the deployed addresses is written to
/// <c>&lt;DataDirectory&gt;/chains.dev.json</c> and served instead of the configured one.
/// </summary>
internal static partial class EvmChainsStartup
{
    public const string DevChainsFileName = "chains.dev.json";
    private const string StateFileName = "mesh.db";

    /// <summary>The nodes started for the silo (stop them after it), or null when nothing was started.</summary>
    /// <exception cref="SiloConfigurationException">A chain serves another chain id, lacks its contracts outside dev mode, or dev mode cannot start its node.</exception>
    /// <exception cref="HardhatSetupException">Dev mode could not install, compile or start the local tool chain.</exception>
    public static async Task<LocalChainNodes?> PrepareAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var options = SettingsReader.Read(builder.Configuration);
        if (options.Chains.Mode != ChainsMode.Evm)
        {
            return null;
        }

        var chainsPath = Path.GetFullPath(options.ChainsFile);
        var chains = ChainsConfigurationLoader.Load(chainsPath);
        var signer = SigningKeyLoader.Load(options.Evm, options.Chains.Dev, Environment.GetEnvironmentVariable);
        var nodes = new LocalChainNodes(LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole()));
        try
        {
            var devFile = Path.GetFullPath(Path.Combine(options.DataDirectory, DevChainsFileName));
            using var run = new StartupRun(options, signer, nodes, options.Chains.Dev ? Previous(devFile) : null, chainsPath);
            var prepared = await Task.WhenAll(chains.Chains.Select(c => run.PrepareAsync(c, cancellationToken)));
            if (prepared.Any(p => p.Changed))
            {
                var text = ChainsFileWriter.Patch(await File.ReadAllTextAsync(chainsPath, cancellationToken), prepared.Select(p => p.Chain));
                ChainsFileWriter.Write(devFile, text);
                builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Mesh:ChainsFile", devFile)]);
                ChainsLog.EffectiveChains(nodes.Logger, devFile);
            }

            if (nodes.Count > 0 && File.Exists(Path.Combine(options.DataDirectory, StateFileName)))
            {
                ChainsLog.StaleState(nodes.Logger, Path.GetFullPath(options.DataDirectory));
            }

            if (nodes.Count > 0)
            {
                return nodes;
            }

            await nodes.DisposeAsync();
            return null;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>The chains file an earlier dev run wrote, if it is still valid: its contracts may still be on nodes that outlived that run.</summary>
    private static ChainsConfiguration? Previous(string devFile)
    {
        if (!File.Exists(devFile))
        {
            return null;
        }

        try
        {
            return ChainsConfigurationLoader.Load(devFile);
        }
        catch (ChainsConfigurationException)
        {
            return null;
        }
    }

    internal static bool IsLoopback(Uri url, out int port)
    {
        port = url.Port;
        return url.Scheme == Uri.UriSchemeHttp && !url.IsDefaultPort && url.Host is "127.0.0.1" or "localhost";
    }
}
