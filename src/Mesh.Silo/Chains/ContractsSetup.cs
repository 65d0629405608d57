using System.Diagnostics;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Hosting;

namespace Mesh.Silo.Chains;

/// <summary>The tool chain and compiled contracts of <c>Mesh:Evm:ContractsDirectory</c>, installed and compiled on first use in dev mode.</summary>
internal static class ContractsSetup
{
    /// <summary>The tool chain, with the npm packages installed when <paramref name="install"/> allows it and they are missing.</summary>
    /// <exception cref="SiloConfigurationException">The folder is not the contracts folder, or the packages are missing and may not be installed.</exception>
    /// <exception cref="HardhatSetupException">Installing failed.</exception>
    public static async Task<HardhatToolchain> ToolchainAsync(MeshEvmOptions evm, bool install, ILogger logger, CancellationToken cancellationToken)
    {
        var toolchain = new HardhatToolchain(evm.ContractsDirectory);
        if (!toolchain.Exists)
        {
            throw new SiloConfigurationException(
                $"Mesh:Evm:ContractsDirectory: {toolchain.ContractsDirectory} is not the mesh's contracts folder (no package.json); run from the repository root or set it to src/Mesh.Chains/contracts.");
        }

        if (!toolchain.IsInstalled)
        {
            if (!install)
            {
                throw new SiloConfigurationException(
                    $"Mesh:Evm:ContractsDirectory: the npm packages of {toolchain.ContractsDirectory} are not installed; run tests/setup-evm.sh, or set Mesh:Chains:Dev=true to install them on first use.");
            }

            var clock = Stopwatch.StartNew();
            ChainsLog.Installing(logger, toolchain.ContractsDirectory);
            await toolchain.InstallAsync(cancellationToken).ConfigureAwait(false);
            ChainsLog.StepDone(logger, "installing the npm packages", clock.Elapsed.TotalSeconds);
        }

        return toolchain;
    }

    /// <summary>The compiled contracts; compiles them first when their artifacts are missing (the packages are installed when allowed).</summary>
    /// <exception cref="SiloConfigurationException">The contracts cannot be found or compiled without an install that is not allowed.</exception>
    /// <exception cref="HardhatSetupException">Installing or compiling failed.</exception>
    public static async Task<ContractArtifacts> ArtifactsAsync(MeshEvmOptions evm, bool install, ILogger logger, CancellationToken cancellationToken)
    {
        var toolchain = new HardhatToolchain(evm.ContractsDirectory);
        if (!toolchain.IsCompiled)
        {
            toolchain = await ToolchainAsync(evm, install, logger, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            ChainsLog.Compiling(logger, toolchain.BuildDirectory);
            await toolchain.CompileAsync(cancellationToken).ConfigureAwait(false);
            ChainsLog.StepDone(logger, "compiling the contracts", clock.Elapsed.TotalSeconds);
        }

        return ContractArtifacts.Load(toolchain.BuildDirectory);
    }
}
