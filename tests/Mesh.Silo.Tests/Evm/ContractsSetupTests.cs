using Mesh.Silo.Chains;
using Mesh.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Silo.Tests.Evm;

/// <summary>Outside dev mode nothing is installed: a contracts folder without its npm packages is a setting to fix.</summary>
public sealed class ContractsSetupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-contracts-").FullName;

    [Fact]
    public async Task ToolchainAsync_PackagesMissingOutsideDevMode_RefusesNamingTheSettingAndTheSetupScript()
    {
        File.WriteAllText(Path.Combine(_folder, "package.json"), """{"name":"mesh-chains-contracts"}""");

        var exception = await Assert.ThrowsAsync<SiloConfigurationException>(() =>
            ContractsSetup.ToolchainAsync(new MeshEvmOptions { ContractsDirectory = _folder }, install: false, NullLogger.Instance, CancellationToken.None));

        Assert.StartsWith($"Mesh:Evm:ContractsDirectory: the npm packages of {_folder} are not installed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("tests/setup-evm.sh", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "node_modules")));
    }

    [Fact]
    public async Task ArtifactsAsync_NotTheContractsFolder_RefusesNamingTheSetting()
    {
        var exception = await Assert.ThrowsAsync<SiloConfigurationException>(() =>
            ContractsSetup.ArtifactsAsync(new MeshEvmOptions { ContractsDirectory = _folder }, install: true, NullLogger.Instance, CancellationToken.None));

        Assert.Contains("Mesh:Evm:ContractsDirectory", exception.Message, StringComparison.Ordinal);
        Assert.Contains("is not the mesh's contracts folder", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
