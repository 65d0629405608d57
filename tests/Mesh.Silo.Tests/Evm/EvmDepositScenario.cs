using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;
using Mesh.Chains.Evm.Deployment;
using Mesh.Chains.Evm.Local;
using Mesh.Testing.Scenarios;

namespace Mesh.Silo.Tests.Evm;

/// <summary>
/// A protocol joins an EVM-mode silo through HTTP and is approved; its account (Hardhat's account #2) gets test USDC
/// minted on the chain by the contracts' admin and approves the vault; it deposits through HTTP and the deposit completes.
/// </summary>
internal sealed class EvmDepositScenario(MeshHttp http, string operatorKey, ChainDefinition chain, EvmSigningKey admin)
{
    public static readonly UInt128 Amount = 250_000_000;

    private readonly EvmSigningKey _account = EvmDevelopmentKeys.HardhatAccount(2);

    public async Task<string> RunAsync(string protocolId)
    {
        var joined = await http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/protocols", null,
            $$"""{"protocolId":"{{protocolId}}","name":"EVM {{protocolId}}","chains":["{{chain.Name}}"],"contact":"ops@example.org","requestedTier":"standard","account":"{{_account.Address}}"}""");
        Assert.Equal("pending", joined.GetProperty("protocol").GetProperty("status").GetString());
        var approved = await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/operator/protocols/{protocolId}/approve", operatorKey, "{}");
        var key = approved.GetProperty("apiKey").GetString()!;

        var usdc = chain.FindToken("USDC")!.Address;
        var artifacts = ContractArtifacts.Load(Path.Combine(TestChainsFile.ContractsDirectory(), "build"));
        using (var contracts = await ContractDeployer.ConnectAsync(chain.RpcUrls, admin, artifacts))
        {
            await contracts.MintAsync(usdc, _account.Address, Amount);
            await contracts.ApproveAsync(_account, usdc, chain.Contracts.Vault, Amount);
        }

        var vault = $"/api/protocols/{protocolId}/vaults/{chain.Name}";
        var deposit = await http.SendAsync(http.NextLive(), HttpMethod.Post, $"{vault}/deposits", key,
            $$"""{"asset":"USDC","amount":"{{Amount.ToString(CultureInfo.InvariantCulture)}}"}""", $"deposit-{protocolId}");
        Assert.True(deposit.IsSuccess, deposit.ToString());
        var operation = deposit.Text("operationId");
        MeshReply? read = null;
        await Mesh.Testing.Eventually.TrueAsync(
            async () =>
            {
                read = await http.SendAsync(HttpMethod.Get, $"{vault}/operations/{operation}", key);
                return read.Status == HttpStatusCode.OK && read.Text("status") != "pending";
            },
            $"the deposit {operation} settles",
            TimeSpan.FromSeconds(60));
        Assert.True(read!.Text("status") == "completed", read.ToString());
        return key;
    }

    /// <summary>The USDC the vault contract holds, read from the chain itself (balanceOf).</summary>
    public async Task<UInt128> VaultUsdcAsync()
    {
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(5));
        var data = "0x70a08231" + chain.Contracts.Vault[2..].PadLeft(64, '0');
        var word = (await probe.CallAsync(chain.RpcUrls[0], "eth_call", [new { to = chain.FindToken("USDC")!.Address, data }, "latest"])).GetString()!;
        return (UInt128)BigInteger.Parse("0" + word[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>The operator audit's line of an asset on this chain.</summary>
    public static JsonElement AuditLine(JsonElement audit, string asset, string chainName) =>
        audit.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("asset").GetString() == asset)
            .GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("chain").GetString() == chainName);
}
