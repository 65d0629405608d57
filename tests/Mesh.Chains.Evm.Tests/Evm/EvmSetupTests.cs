using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

public sealed class EvmSetupTests
{
    [Fact]
    public void Find_ContractsNotInstalled_NamesTheSetupScript()
    {
        var empty = Directory.CreateTempSubdirectory("mesh-evm-empty-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => EvmSetup.Find(empty));

            Assert.Contains("tests/setup-evm.sh", error.Message, StringComparison.Ordinal);
            Assert.Contains("edr-linux-x64-gnu", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Load_ArtifactsNotCompiled_NamesTheSetupScript()
    {
        var empty = Directory.CreateTempSubdirectory("mesh-evm-empty-").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => ContractArtifacts.Load(empty));

            Assert.Contains("tests/setup-evm.sh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
