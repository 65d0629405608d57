using System.Net;
using System.Numerics;
using System.Text.Json;
using Mesh.Testing;

namespace Mesh.Api.Tests.Domain;

/// <summary>What operators see of a chain's event index through the API, on the fixture's simulated chain.</summary>
[Collection(DomainSiloCollection.Name)]
public sealed class ChainEndpointsTests(DomainSilo fixture)
{
    private static readonly string Path = $"/api/operator/chains/{DomainSilo.Chain}";

    [Fact]
    public void BadInputTable_CoversEveryChainEndpoint()
    {
        foreach (var endpoint in new[] { "chain index", "chain reconciliation" })
        {
            Assert.True(BadInputCases.All.Keys.Count(k => k.StartsWith(endpoint + ":", StringComparison.Ordinal)) >= 3, endpoint);
        }
    }

    [Fact]
    public async Task Index_AfterTheFixtureDeposit_HoldsTheProtocolsWethWithTheCursor()
    {
        JsonElement index = default;
        await Eventually.TrueAsync(
            async () =>
            {
                index = await DomainSilo.Expect(fixture.Silo.GetAsync($"{Path}/index", fixture.Silo.OperatorKey), HttpStatusCode.OK);
                return Line(index, DomainSilo.Main, "WETH") is { } line && Amount(line, "final") >= BigInteger.Parse(DomainSilo.Deposit);
            },
            "the index holds the fixture deposit as final",
            TimeSpan.FromSeconds(30));

        Assert.Equal(DomainSilo.Chain, index.GetProperty("chain").GetString());
        Assert.True(index.GetProperty("indexedTo").GetUInt64() >= index.GetProperty("finalizedTo").GetUInt64());
        Assert.True(index.GetProperty("appliedEvents").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Null, index.GetProperty("lastErrorCode").ValueKind);
    }

    [Fact]
    public async Task Reconciliation_OnTheFixtureChain_EveryTokenAndProtocolReconciledAtOneHead()
    {
        var report = await DomainSilo.Expect(fixture.Silo.GetAsync($"{Path}/reconciliation", fixture.Silo.OperatorKey), HttpStatusCode.OK);

        Assert.Equal("reconciled", report.GetProperty("status").GetString());
        Assert.Equal(report.GetProperty("block").GetUInt64() - 2, report.GetProperty("finalizedBlock").GetUInt64());
        Assert.Matches("^0x[0-9a-f]{64}$", report.GetProperty("blockHash").GetString());
        var tokens = report.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(["USDC", "WETH"], tokens.Select(t => t.GetProperty("asset").GetString()).Order());
        Assert.All(tokens, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("protocolId").ValueKind));
        var main = Line(report.GetProperty("protocols"), DomainSilo.Main, "WETH")!.Value;
        Assert.Equal("0", main.GetProperty("difference").GetString());
        Assert.Equal(Amount(main, "onChain"), Amount(main, "indexedFinal") + Amount(main, "tentativeIn") - Amount(main, "tentativeOut"));
        Assert.True(Amount(main, "onChain") >= BigInteger.Parse(DomainSilo.Deposit));
    }

    private static JsonElement? Line(JsonElement container, string protocol, string asset)
    {
        var lines = container.ValueKind == JsonValueKind.Array ? container : container.GetProperty("lines");
        foreach (var line in lines.EnumerateArray())
        {
            if (line.GetProperty("protocolId").GetString() == protocol && line.GetProperty("asset").GetString() == asset)
            {
                return line;
            }
        }

        return null;
    }

    private static BigInteger Amount(JsonElement line, string name) => BigInteger.Parse(line.GetProperty(name).GetString()!);
}
