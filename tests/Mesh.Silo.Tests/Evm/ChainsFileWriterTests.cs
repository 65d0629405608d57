using Mesh.Chains.Configuration;
using Mesh.Silo.Chains;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Evm;

/// <summary>How deployed addresses go into a chains file: only the addresses change, and only a valid file is written.</summary>
public sealed class ChainsFileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-chains-writer-").FullName;
    private readonly string _repositoryChains = File.ReadAllText(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"));

    [Fact]
    public void Patch_DeployedChain_ReplacesItsContractTokenAndFeedAddressesOnly()
    {
        var original = ChainsConfigurationLoader.Parse(_repositoryChains, "chains.json");
        var b = original.FindChain("local-b")!;
        var deployed = b with
        {
            Contracts = new MeshContracts("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0", "0x75537828f2ce51be7289709686a69cbfdbb714f1"),
            Tokens = [.. b.Tokens.Select((t, i) => t with { Address = $"0x5fbdb2315678afecb367f032d93f642f64180aa{i}" })],
            PriceFeeds = [.. b.PriceFeeds.Select(f => f with { Address = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9" })],
        };

        var text = ChainsFileWriter.Patch(_repositoryChains, [deployed]);
        var sut = ChainsConfigurationLoader.Parse(text, "patched.json");

        Assert.Equal(deployed, sut.FindChain("local-b"), ChainDefinitionComparer);
        Assert.Equal(original.FindChain("local-a"), sut.FindChain("local-a"), ChainDefinitionComparer);
        Assert.Equal(original.Routes, sut.Routes);
        Assert.Contains("\"$schema\": \"./chains.schema.json\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InvalidText_ThrowsNamingTheProblemAndLeavesTheFile()
    {
        var path = Path.Combine(_folder, "chains.json");
        File.WriteAllText(path, _repositoryChains);

        var exception = Assert.Throws<ChainsConfigurationException>(() => ChainsFileWriter.Write(path, _repositoryChains.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)));

        Assert.Contains("$.version", exception.Message, StringComparison.Ordinal);
        Assert.Equal(_repositoryChains, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly IEqualityComparer<ChainDefinition?> ChainDefinitionComparer = EqualityComparer<ChainDefinition?>.Create(
        (x, y) => x is not null && y is not null && x.Name == y.Name && x.ChainId == y.ChainId && x.Contracts == y.Contracts
            && x.Tokens.SequenceEqual(y.Tokens) && x.PriceFeeds.SequenceEqual(y.PriceFeeds) && x.RpcUrls.SequenceEqual(y.RpcUrls) && x.Confirmations == y.Confirmations && x.BlockTime == y.BlockTime,
        c => c?.Name.GetHashCode(StringComparison.Ordinal) ?? 0);
}
