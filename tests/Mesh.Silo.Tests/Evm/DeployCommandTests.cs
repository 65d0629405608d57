using Mesh.Chains.Configuration;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Chains;

namespace Mesh.Silo.Tests.Evm;

/// <summary>The silo's <c>deploy</c> command against real Hardhat nodes: the file it writes, and its errors.</summary>
[Collection(EvmCollection.Name)]
public sealed class DeployCommandTests(LocalNodes nodes) : IClassFixture<LocalNodes>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-deploy-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_FreshNodes_WritesAValidChainsFileWhoseAddressesHoldCodeAndIsIdempotent()
    {
        var signer = TestSigner.Create(_folder);
        await signer.FundAsync(nodes.Nodes.Select(n => n.Url));
        var input = TestChainsFile.Write(Path.Combine(_folder, "chains.json"), nodes.Ports, LocalNodes.ChainIds);
        var written = Path.Combine(_folder, "deployed", "chains.json");
        var before = await File.ReadAllTextAsync(input);

        var exitCode = await RunAsync("--chains", input, "--out", written, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}");
        var deployed = ChainsConfigurationLoader.Load(written);
        var again = await RunAsync("--chains", written, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}");

        Assert.True(exitCode == 0, _error.ToString());
        Assert.Equal(before, await File.ReadAllTextAsync(input));
        var placeholders = ChainsConfigurationLoader.Load(input);
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(5));
        foreach (var chain in deployed.Chains)
        {
            var url = chain.RpcUrls[0];
            Assert.NotEqual(placeholders.FindChain(chain.Name)!.Contracts.Vault, chain.Contracts.Vault);
            foreach (var address in new[] { chain.Contracts.Vault, chain.Contracts.Bridge }.Concat(chain.Tokens.Select(t => t.Address)).Concat(chain.PriceFeeds.Select(f => f.Address)))
            {
                Assert.True(await probe.HasCodeAsync(url, address), $"{chain.Name}: no code at {address}");
            }

            Assert.Equal(["USDC", "WETH"], chain.Tokens.Select(t => t.Symbol));
            Assert.Equal("WETH", Assert.Single(chain.PriceFeeds).Asset);
            Assert.NotEqual(placeholders.FindChain(chain.Name)!.PriceFeeds[0].Address, chain.PriceFeeds[0].Address);
        }

        Assert.Equal(placeholders.Routes, deployed.Routes);
        Assert.Equal(0, again);
        Assert.Equal(deployed, ChainsConfigurationLoader.Load(written), ChainsComparer.Instance);
        Assert.Contains("local-a (chain id 31501): already deployed", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(signer.Hex, _output + _error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--frobnicate", "deploy: unknown option --frobnicate")]
    [InlineData("--chains", "deploy: --chains needs a file path")]
    [InlineData("--Mesh:Chains:Dev=true --chains=/nonexistent/chains.json", "file not found: /nonexistent/chains.json")]
    [InlineData("--out=", "deploy: --out needs a file path")]
    [InlineData("--Mesh:Chains:Dev=true --Mesh:ChainsFile=/nonexistent/chains.json", "file not found: /nonexistent/chains.json")]
    [InlineData("--chains chains.json", "deploy: Mesh:Evm:SigningKey: no signing key for the mesh's signer")]
    [InlineData("--Mesh:Evm:SigningKey=0x12", "deploy: Mesh:Evm:SigningKey: is not a signing key")]
    [InlineData("--Mesh:Evm:SigningKey=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "is one of Hardhat's well-known test accounts")]
    [InlineData("--Mesh:Evm:Client:AttemptTimeout=00:00:00", "Mesh:Evm:Client:AttemptTimeout: EVM chain option AttemptTimeout must be positive")]
    public async Task RunAsync_BadArgumentOrSetting_ExitsTwoNamingIt(string arguments, string expected)
    {
        var exitCode = await RunAsync(arguments.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NodeDown_ExitsThreeNamingTheChainAndEndpoint()
    {
        var signer = TestSigner.Create(_folder);
        var down = TestChainsFile.FreePorts();
        var input = TestChainsFile.Write(Path.Combine(_folder, "chains.json"), [nodes.Ports[0], down[1], nodes.Ports[2]], LocalNodes.ChainIds);
        var before = await File.ReadAllTextAsync(input);

        var exitCode = await RunAsync("--chains", input, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}");

        Assert.Equal(3, exitCode);
        Assert.Contains($"deploy: chain 'local-b': the node at http://127.0.0.1:{down[1]} does not answer", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(input));
    }

    [Fact]
    public async Task RunAsync_NodeOfAnotherChain_ExitsTwoNamingBothChainIds()
    {
        var signer = TestSigner.Create(_folder);
        var input = TestChainsFile.Write(Path.Combine(_folder, "chains.json"), nodes.Ports, [31501, 7, 31503]);

        var exitCode = await RunAsync("--chains", input, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}");

        Assert.Equal(2, exitCode);
        Assert.Contains($"chain 'local-b': the node at http://127.0.0.1:{nodes.Ports[1]} reports chain id 31502, but the chains file says 7.", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<int> RunAsync(params string[] args) =>
        DeployCommand.RunAsync([.. args, $"--Mesh:Evm:ContractsDirectory={TestChainsFile.ContractsDirectory()}"], _output, _error, CancellationToken.None);
}
