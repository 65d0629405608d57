using Mesh.Chains.Configuration;

namespace Mesh.Chains.Tests.Configuration;

public class ChainsConfigurationLoaderTests
{
    [Fact]
    public void Load_CommittedChainsJson_DescribesLocalChainsWithRoutesBothWays()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "chains.json");

        var sut = ChainsConfigurationLoader.Load(path);

        Assert.Equal(["local-a", "local-b", "local-c"], sut.Chains.Select(c => c.Name));
        Assert.Equal([31337UL, 31338UL, 31339UL], sut.Chains.Select(c => c.ChainId));
        Assert.Equal(new Uri("http://127.0.0.1:8545"), sut.FindChain("local-a")!.RpcUrls[0]);
        Assert.All(sut.Chains, c => Assert.NotNull(c.FindToken("USDC")));
        Assert.All(sut.Chains, c => Assert.NotNull(c.FindToken("WETH")));
        Assert.NotEmpty(sut.Routes);
        Assert.All(sut.Routes, r => Assert.NotNull(sut.FindRoute(r.To, r.From, r.Asset)));
    }

    [Fact]
    public void Load_CommittedChainsJsonWithNegativeConfirmations_NamesFilePathAndValue()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "chains.json"));
        var path = Path.Combine(Path.GetTempPath(), $"mesh-chains-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, committed.Replace("\"confirmations\": 2", "\"confirmations\": -3", StringComparison.Ordinal));
        try
        {
            var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Load(path));

            Assert.Equal($"{path}: $.chains[0].confirmations: must be an integer between 0 and 1000, got -3", ex.Message.Split('\n')[0]);
            Assert.Equal(["$.chains[0].confirmations", "$.chains[1].confirmations", "$.chains[2].confirmations"], ex.Errors.Select(e => e.Path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_SchemaReference_IsAcceptedAndIgnored()
    {
        var sut = ChainsConfigurationLoader.Parse(TestDocument.With("$schema", "\"./chains.schema.json\""), "test.json");

        Assert.Equal(2, sut.Chains.Count);
    }

    [Theory]
    [InlineData("1e2")]
    [InlineData("100.0")]
    public void Parse_IntegerWithFractionOrExponent_IsReadAsItsValue(string chainId)
    {
        var sut = ChainsConfigurationLoader.Parse(TestDocument.With("chains[0].chainId", chainId), "test.json");

        Assert.Equal(100UL, sut.Chains[0].ChainId);
    }

    [Fact]
    public void Parse_ValidDocument_MapsEveryValue()
    {
        var sut = ChainsConfigurationLoader.Parse(TestDocument.Valid, "test.json");

        Assert.Equal(1, sut.Version);
        var alpha = sut.Chains[0];
        Assert.Equal("alpha", alpha.Name);
        Assert.Equal(100UL, alpha.ChainId);
        Assert.Equal([new Uri("http://127.0.0.1:8545"), new Uri("ws://127.0.0.1:8546")], alpha.RpcUrls);
        Assert.Equal(3, alpha.Confirmations);
        Assert.Equal(TimeSpan.FromSeconds(2), alpha.BlockTime);
        Assert.Equal(new NativeAsset("ETH", 18), alpha.NativeAsset);
        Assert.Equal("0x00000000000000000000000000000000000000a1", alpha.Contracts.Vault);
        Assert.Equal(new TokenDefinition("USDC", "0x00000000000000000000000000000000000001a1", 6), alpha.FindToken("USDC"));
        Assert.Null(alpha.FindToken("usdc"));
        Assert.Equal([new PriceFeedDefinition("WETH", "0x00000000000000000000000000000000000002a2", 8, TimeSpan.FromHours(1))], alpha.PriceFeeds);
        Assert.Empty(sut.Chains[1].PriceFeeds);
        var route = sut.FindRoute("alpha", "beta", "USDC")!;
        Assert.Equal(5, route.FeeBps);
        Assert.Equal(TimeSpan.FromSeconds(30), route.Latency);
        Assert.Equal((UInt128)1_000_000_000_000, route.Capacity);
        Assert.Equal(new RouteRateLimit(250_000_000_000, 100_000_000), route.RateLimit);
        Assert.Equal(UInt128.MaxValue, sut.FindRoute("beta", "alpha", "USDC")!.Capacity);
        Assert.Null(sut.FindRoute("alpha", "beta", "WETH"));
    }

    [Fact]
    public void Parse_NoRoutes_IsValid()
    {
        var sut = ChainsConfigurationLoader.Parse(TestDocument.Without("routes"), "test.json");

        Assert.Empty(sut.Routes);
    }

    [Fact]
    public void Parse_CommentsInJson_AreIgnored()
    {
        var json = TestDocument.Valid.Replace("\"version\": 1,", "// schema\n  \"version\": 1, /* first */", StringComparison.Ordinal);

        var sut = ChainsConfigurationLoader.Parse(json, "test.json");

        Assert.Equal(2, sut.Chains.Count);
    }

    [Fact]
    public void Parse_SingleError_MessageNamesFilePathAndProblem()
    {
        var json = TestDocument.With("chains[1].confirmations", "-3");

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal("chains.json: $.chains[1].confirmations: must be an integer between 0 and 1000, got -3", ex.Message);
        Assert.Equal("chains.json", ex.SourceName);
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsEveryOne()
    {
        var json = TestDocument.Valid
            .Replace("\"confirmations\": 0,", "\"confirmations\": -3,", StringComparison.Ordinal)
            .Replace("\"https://rpc.example.org\"", "\"gopher://x\"", StringComparison.Ordinal)
            .Replace("\"feeBps\": 7,", "\"feeBps\": -7,", StringComparison.Ordinal)
            .Replace("\"refillPerSecond\": \"100000000\"", "\"refillPerSecond\": 100000000", StringComparison.Ordinal);

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal(
            ["$.chains[1].rpcUrls[0]", "$.chains[1].confirmations", "$.routes[0].rateLimit.refillPerSecond", "$.routes[1].feeBps"],
            ex.Errors.Select(e => e.Path));
        Assert.Equal(4, ex.Message.Split('\n').Length);
        Assert.All(ex.Message.Split('\n'), line => Assert.StartsWith("chains.json: $.", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndPosition()
    {
        var json = "{\n  \"version\": 1,\n  \"chains\": [ ,\n}";

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "bad.json"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("invalid JSON at line 3, byte 15: ", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: $: invalid JSON at line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingComma_IsRejected()
    {
        var json = TestDocument.Valid.Replace("\"decimals\": 6 }\n      ]", "\"decimals\": 6 },\n      ]", StringComparison.Ordinal);

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Contains("invalid JSON", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "must be an object, got an array")]
    [InlineData("null", "must be an object, got null")]
    [InlineData("\"chains\"", "must be an object, got \"chains\"")]
    public void Parse_RootNotAnObject_ReportsRoot(string json, string expected)
    {
        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal(new ChainsConfigurationError("$", expected), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-missing-{Guid.NewGuid():N}", "chains.json");

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Load(path));

        Assert.Equal($"{path}: $: file not found: {path}", ex.Message);
    }

    [Fact]
    public void Load_InvalidFile_UsesFilePathAsSourceName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-chains-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, TestDocument.With("routes[0].feeBps", "20000"));
        try
        {
            var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Load(path));

            Assert.Equal($"{path}: $.routes[0].feeBps: must be an integer between 0 and 10000, got 20000", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
