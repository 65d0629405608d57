using System.Globalization;
using System.Net;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Local;
using Mesh.Silo.Chains;
using Mesh.Testing;
using Mesh.Testing.Scenarios;

namespace Mesh.Silo.Tests.Evm;

/// <summary>Silo processes in EVM mode on real Hardhat nodes: dev mode brings the chains up itself; a deployed set of nodes serves a signer's own key.</summary>
[Collection(EvmCollection.Name)]
public sealed class EvmSiloTests(LocalNodes nodes) : IClassFixture<LocalNodes>, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("mesh-evm-silo-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Start_DevModeWithChainsDown_StartsNodesDeploysSettlesADepositThatTheAuditBalancesAndStopsTheNodes()
    {
        var ports = TestChainsFile.FreePorts();
        TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), ports, blockTimeMs: 250);

        await using var sut = SiloProcess.Start(_workingDirectory, "--Mesh:Chains:Mode=Evm", "--Mesh:Chains:Dev=true", $"--Mesh:Evm:ContractsDirectory={TestChainsFile.ContractsDirectory()}");
        await sut.WaitUntilReadyAsync(_http, StartTimeout);
        var deployed = ChainsConfigurationLoader.Load(Path.Combine(_workingDirectory, "data", EvmChainsStartup.DevChainsFileName));
        var chain = deployed.FindChain("local-a")!;
        using var mesh = new MeshHttp([sut.BaseAddress]);
        var scenario = new EvmDepositScenario(mesh, await OperatorKeyAsync(), chain, EvmDevelopmentKeys.HardhatAccount(0));
        await scenario.RunAsync("evm-dev");
        var audit = await mesh.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/operator/audit", await OperatorKeyAsync());
        var reconciliation = await mesh.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/operator/chains/local-b/reconciliation", await OperatorKeyAsync());
        var onChain = await scenario.VaultUsdcAsync();
        var exitCode = await sut.StopAsync();

        Assert.True(audit.GetProperty("balanced").GetBoolean(), audit.ToString());
        var line = EvmDepositScenario.AuditLine(audit, "USDC", "local-a");
        Assert.Equal(EvmDepositScenario.Amount, onChain);
        Assert.Equal(onChain.ToString(CultureInfo.InvariantCulture), line.GetProperty("onChain").GetString());
        Assert.Equal(onChain.ToString(CultureInfo.InvariantCulture), line.GetProperty("vaultBalances").GetString());
        Assert.Equal(0, exitCode);
        Assert.Contains("starting a local Hardhat node", sut.Output, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(sut.Output, "Dev mode: stopped the Hardhat node of chain"));
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(2));
        foreach (var port in ports)
        {
            Assert.Null((await probe.ChainIdAsync(new Uri($"http://127.0.0.1:{port}"))).ChainId);
        }
    }

    [Fact]
    public async Task Start_DeployedChainsAndOwnKey_SettlesADepositThatTheAuditBalancesWithoutLoggingTheKey()
    {
        var signer = TestSigner.Create(_workingDirectory);
        await signer.FundAsync(nodes.Nodes.Select(n => n.Url));
        var chainsFile = TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), nodes.Ports, LocalNodes.ChainIds, LocalNodes.BlockTimeMs);
        var contracts = $"--Mesh:Evm:ContractsDirectory={TestChainsFile.ContractsDirectory()}";
        var deploy = await DeployCommand.RunAsync(["--chains", chainsFile, $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}", contracts], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, deploy);

        var environment = new Dictionary<string, string> { [MeshEvmOptions.DefaultSigningKeyVariable] = signer.Hex };
        await using var sut = SiloProcess.Start(SiloProcess.SiloDll, _workingDirectory, environment, "--Mesh:Chains:Mode=Evm", contracts);
        await sut.WaitUntilReadyAsync(_http, StartTimeout);
        var chain = ChainsConfigurationLoader.Load(chainsFile).FindChain("local-b")!;
        using var mesh = new MeshHttp([sut.BaseAddress]);
        var scenario = new EvmDepositScenario(mesh, await OperatorKeyAsync(), chain, signer.Key);
        await scenario.RunAsync("evm-own-key");
        var audit = await mesh.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/operator/audit", await OperatorKeyAsync());
        var reconciliation = await mesh.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/operator/chains/local-b/reconciliation", await OperatorKeyAsync());
        var onChain = await scenario.VaultUsdcAsync();
        // The deploy created each chain's WETH / USD feed at the start price (2,000); the three are the oracle's quorum.
        var weth = default(System.Text.Json.JsonElement);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    weth = await mesh.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/oracles/WETH", await OperatorKeyAsync());
                    return weth.GetProperty("fresh").GetBoolean();
                },
                "the oracle has a fresh WETH price from the three on-chain feeds",
                TimeSpan.FromSeconds(30));
        }
        catch (Xunit.Sdk.XunitException timeout)
        {
            Assert.Fail($"{timeout.Message} The oracle answered {weth}; the silo wrote:{Environment.NewLine}{sut.Output}");
        }

        var exitCode = await sut.StopAsync();

        Assert.True(audit.GetProperty("balanced").GetBoolean(), audit.ToString());
        Assert.Equal(EvmDepositScenario.Amount, onChain);
        Assert.Equal(onChain.ToString(CultureInfo.InvariantCulture), EvmDepositScenario.AuditLine(audit, "USDC", "local-b").GetProperty("onChain").GetString());
        Assert.True(reconciliation.GetProperty("status").GetString() == "reconciled", reconciliation.ToString());
        var indexed = reconciliation.GetProperty("protocols").EnumerateArray().Single(l => l.GetProperty("protocolId").GetString() == "evm-own-key");
        Assert.Equal(onChain.ToString(CultureInfo.InvariantCulture), indexed.GetProperty("onChain").GetString());
        Assert.Equal("0", indexed.GetProperty("difference").GetString());
        Assert.Equal(2_000m, weth.GetProperty("price").GetDecimal());
        Assert.Equal(3, weth.GetProperty("sourcesUsed").GetInt32());
        Assert.Equal(0, exitCode);
        Assert.Contains($"signer {signer.Key.Address} (key from the environment variable MESH_EVM_SIGNING_KEY)", sut.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(signer.Hex, sut.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dev mode", sut.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Mesh:Evm:SigningKey: no signing key for the mesh's signer")]
    [InlineData("--Mesh:Evm:SigningKey=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "Mesh:Evm:SigningKey: the key of 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 is one of Hardhat's well-known test accounts")]
    [InlineData("--Mesh:Evm:SigningKey=59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b7869zz", "Mesh:Evm:SigningKey: is not a signing key")]
    [InlineData("--Mesh:Evm:SigningKeyFile=absent.key", "Mesh:Evm:SigningKeyFile: the key file")]
    [InlineData("--Mesh:Chains:Mode=Ethereum", "Mesh:Chains:Mode: the value 'Ethereum' cannot be read (expected one of Simulated, Evm)")]
    public async Task Start_EvmModeWithoutAUsableKey_ExitsWithCode2NamingTheSettingBeforeCreatingAnything(string setting, string expected)
    {
        TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), TestChainsFile.FreePorts());
        string[] settings = setting.Length == 0 ? ["--Mesh:Chains:Mode=Evm"] : ["--Mesh:Chains:Mode=Evm", setting];

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, settings);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workingDirectory, "data")), "nothing was created before validation failed");
    }

    [Fact]
    public async Task Start_PostgreSqlStorageWithATransactionStoreFile_ExitsWithCode2NamingTheSettingWithoutThePassword()
    {
        var signer = TestSigner.Create(_workingDirectory);
        TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), TestChainsFile.FreePorts());

        var (exitCode, output) = await SiloProcess.RunToExitAsync(
            _workingDirectory,
            "--Mesh:Chains:Mode=Evm",
            $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}",
            "--Mesh:Storage:Provider=PostgreSql",
            "--Mesh:Storage:ConnectionString=Host=127.0.0.1;Port=1;Username=mesh;Password=pg-secret-4711",
            "--Mesh:Evm:TransactionStoreFile=own-evm-transactions.db");

        Assert.Equal(2, exitCode);
        Assert.Contains("Mesh:Evm:TransactionStoreFile: must be empty when Mesh:Storage:Provider is PostgreSql", output, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-secret-4711", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_workingDirectory, "own-evm-transactions.db")));
    }

    [Fact]
    public async Task Start_EvmModeOnNodesWithoutContracts_ExitsWithCode2NamingTheDeployCommand()
    {
        var signer = TestSigner.Create(_workingDirectory);
        var chainsFile = TestChainsFile.Write(Path.Combine(_workingDirectory, "chains.json"), nodes.Ports, LocalNodes.ChainIds);

        var (exitCode, output) = await SiloProcess.RunToExitAsync(_workingDirectory, "--Mesh:Chains:Mode=Evm", $"--Mesh:Evm:SigningKeyFile={signer.KeyFile}");

        Assert.Equal(2, exitCode);
        Assert.Contains($"Mesh:ChainsFile: chain 'local-a' at http://127.0.0.1:{nodes.Ports[0]} has no contract at the", output, StringComparison.Ordinal);
        Assert.Contains($"-- deploy --chains {chainsFile}", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private async Task<string> OperatorKeyAsync() => (await File.ReadAllTextAsync(Path.Combine(_workingDirectory, "data", "operator.key"))).Trim();
}
