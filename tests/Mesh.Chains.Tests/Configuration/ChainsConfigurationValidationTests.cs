using Mesh.Chains.Configuration;

namespace Mesh.Chains.Tests.Configuration;

public class ChainsConfigurationValidationTests
{
    private const string Route0 = """
        { "from": "alpha", "to": "beta", "asset": "USDC", "feeBps": 5, "latencySeconds": 30, "capacity": "1",
          "rateLimit": { "capacity": "1", "refillPerSecond": "1" } }
        """;

    private const string TwoWethFeeds = """
        [{ "asset": "WETH", "address": "0x00000000000000000000000000000000000002a2", "decimals": 8, "heartbeatSeconds": 3600 },
         { "asset": "WETH", "address": "0x00000000000000000000000000000000000002a3", "decimals": 8, "heartbeatSeconds": 60 }]
        """;

    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "chains[1].confirmations", "-3", "$.chains[1].confirmations", "must be an integer between 0 and 1000, got -3" },
        { "chains[1].confirmations", "1001", "$.chains[1].confirmations", "got 1001" },
        { "chains[0].confirmations", "2.5", "$.chains[0].confirmations", "must be an integer between 0 and 1000, got 2.5" },
        { "chains[0].confirmations", "\"3\"", "$.chains[0].confirmations", "got \"3\"" },
        { "chains[0].blockTimeMs", "0", "$.chains[0].blockTimeMs", "must be an integer between 1 and 600000, got 0" },
        { "chains[0].blockTimeMs", "600001", "$.chains[0].blockTimeMs", "between 1 and 600000" },
        { "chains[0].chainId", "0", "$.chains[0].chainId", "must be an integer between 1 and 18446744073709551615, got 0" },
        { "chains[0].chainId", "-1", "$.chains[0].chainId", "got -1" },
        { "chains[0].name", "\"Alpha\"", "$.chains[0].name", "must be a chain name matching ^[a-z0-9][a-z0-9-]{0,62}$, got \"Alpha\"" },
        { "chains[0].name", "\"-alpha\"", "$.chains[0].name", "chain name matching" },
        { "chains[0].name", $"\"{new string('a', 64)}\"", "$.chains[0].name", "chain name matching" },
        { "chains[0].name", "7", "$.chains[0].name", "got 7" },
        { "chains[1].rpcUrls[0]", "\"ftp://127.0.0.1/\"", "$.chains[1].rpcUrls[0]", "must be an absolute http, https, ws or wss URL, got \"ftp://127.0.0.1/\"" },
        { "chains[1].rpcUrls[0]", "\"/rpc\"", "$.chains[1].rpcUrls[0]", "absolute http, https, ws or wss URL" },
        { "chains[1].rpcUrls[0]", "\"127.0.0.1:8545\"", "$.chains[1].rpcUrls[0]", "absolute http, https, ws or wss URL" },
        { "chains[1].rpcUrls[0]", "8545", "$.chains[1].rpcUrls[0]", "must be a string, got 8545" },
        { "chains[1].rpcUrls", "[]", "$.chains[1].rpcUrls", "must not be empty" },
        { "chains[1].rpcUrls", "\"http://127.0.0.1:8545\"", "$.chains[1].rpcUrls", "must be an array" },
        { "chains[0].rpcUrls[1]", "\"http://127.0.0.1:8545\"", "$.chains[0].rpcUrls[1]", "duplicate RPC URL (also at $.chains[0].rpcUrls[0])" },
        { "chains[0].contracts.vault", "\"0x123\"", "$.chains[0].contracts.vault", "must be an address: 0x followed by 40 hex digits, got \"0x123\"" },
        { "chains[0].contracts.vault", "\"0xZZ000000000000000000000000000000000000a1\"", "$.chains[0].contracts.vault", "0x followed by 40 hex digits" },
        { "chains[0].contracts.bridge", "\"0000000000000000000000000000000000000000a2\"", "$.chains[0].contracts.bridge", "0x followed by 40 hex digits" },
        { "chains[0].contracts.oracle", "\"0x00000000000000000000000000000000000000a3\"", "$.chains[0].contracts.oracle", "unknown property; expected one of: vault, bridge" },
        { "chains[0].tokens[0].decimals", "37", "$.chains[0].tokens[0].decimals", "must be an integer between 0 and 36, got 37" },
        { "chains[0].nativeAsset.decimals", "-1", "$.chains[0].nativeAsset.decimals", "between 0 and 36" },
        { "chains[0].nativeAsset.symbol", "\"\"", "$.chains[0].nativeAsset.symbol", "must be a symbol" },
        { "chains[0].tokens[1].symbol", "\"USDC\"", "$.chains[0].tokens[1].symbol", "duplicate token symbol 'USDC' (also at $.chains[0].tokens[0])" },
        { "chains[0].tokens[1].symbol", "\"WETH-perp\"", "$.chains[0].tokens[1].symbol", "token symbol 'WETH-perp' ends in -PERP, which the mesh keeps for its perp markets' names" },
        { "chains[0].tokens[1].address", "\"0x00000000000000000000000000000000000001A1\"", "$.chains[0].tokens[1].address", "duplicate token address (also at $.chains[0].tokens[0])" },
        { "chains[0].tokens[0]", "\"USDC\"", "$.chains[0].tokens[0]", "must be an object, got \"USDC\"" },
        { "chains[0].tokens", "null", "$.chains[0].tokens", "must be an array, got null" },
        { "chains[1].name", "\"alpha\"", "$.chains[1].name", "duplicate chain name 'alpha' (also at $.chains[0])" },
        { "chains[1].chainId", "100", "$.chains[1].chainId", "duplicate chain id 100 (also at $.chains[0])" },
        { "chains[0].chainID", "100", "$.chains[0].chainID", "unknown property; did you mean 'chainId'?" },
        { "chains[0].extra", "1", "$.chains[0].extra", "unknown property; expected one of: name, chainId, rpcUrls" },
        { "chains[0]", "42", "$.chains[0]", "must be an object, got 42" },
        { "chains", "[]", "$.chains", "must not be empty" },
        { "version", "2", "$.version", "unsupported version; expected 1, got 2" },
        { "routes", "{}", "$.routes", "must be an array, got an object" },
        { "routes[0].from", "\"gamma\"", "$.routes[0].from", "unknown chain 'gamma'; declared chains: alpha, beta" },
        { "routes[0].to", "\"alpha\"", "$.routes[0].to", "must differ from 'from'" },
        { "routes[0].asset", "\"WETH\"", "$.routes[0].asset", "token 'WETH' is not listed in $.chains[1].tokens (chain 'beta')" },
        { "routes[0].asset", "\"DAI\"", "$.routes[0].asset", "token 'DAI' is not listed in $.chains[0].tokens (chain 'alpha')" },
        { "routes[0].asset", "\"DAI\"", "$.routes[0].asset", "token 'DAI' is not listed in $.chains[1].tokens (chain 'beta')" },
        { "routes[0].feeBps", "10001", "$.routes[0].feeBps", "must be an integer between 0 and 10000, got 10001" },
        { "routes[0].latencySeconds", "604801", "$.routes[0].latencySeconds", "between 0 and 604800" },
        { "routes[0].capacity", "1000", "$.routes[0].capacity", "written as a JSON string of digits" },
        { "routes[0].capacity", "\"-1\"", "$.routes[0].capacity", "no sign, spaces or leading zeros), got \"-1\"" },
        { "routes[0].capacity", "\"01\"", "$.routes[0].capacity", "leading zeros" },
        { "routes[0].capacity", "\"1e6\"", "$.routes[0].capacity", "decimal digits" },
        { "routes[0].capacity", "\"1.5\"", "$.routes[0].capacity", "decimal digits" },
        { "routes[0].capacity", "\"\"", "$.routes[0].capacity", "decimal digits" },
        { "routes[0].rateLimit.refillPerSecond", "\" 5\"", "$.routes[0].rateLimit.refillPerSecond", "decimal digits" },
        { "routes[0].rateLimit", "\"none\"", "$.routes[0].rateLimit", "must be an object" },
        { "routes[1]", Route0, "$.routes[1]", "duplicate route alpha -> beta for USDC (also at $.routes[0])" },
        { "who", "1", "$.who", "unknown property; expected one of: version, chains, routes" },
        { "chains[0].tokens[0].name", "\"USD Coin\"", "$.chains[0].tokens[0].name", "unknown property; expected one of: symbol, address, decimals" },
        { "chains[1].nativeAsset.name", "\"Polygon\"", "$.chains[1].nativeAsset.name", "unknown property; expected one of: symbol, decimals" },
        { "routes[0].rateLimit.Capacity", "\"1\"", "$.routes[0].rateLimit.Capacity", "unknown property; did you mean 'capacity'? (names are case-sensitive)" },
        { "chains[0].tokens[0].address", "\"0xabc\"", "$.chains[0].tokens[0].address", "must be an address: 0x followed by 40 hex digits, got \"0xabc\"" },
        { "chains[1].contracts.bridge", "\"0x00000000000000000000000000000000000000g2\"", "$.chains[1].contracts.bridge", "must be an address: 0x followed by 40 hex digits, got \"0x00000000000000000000000000000000000000g2\"" },
        { "chains[0].contracts.vault", "160", "$.chains[0].contracts.vault", "must be an address: 0x followed by 40 hex digits, got 160" },
        { "routes[0].feeBps", "\"5\"", "$.routes[0].feeBps", "must be an integer between 0 and 10000, got \"5\"" },
        { "chains[0].chainId", "true", "$.chains[0].chainId", "must be an integer between 1 and 18446744073709551615, got true" },
        { "chains[0].chainId", "18446744073709551616", "$.chains[0].chainId", "must be an integer between 1 and 18446744073709551615, got 18446744073709551616" },
        { "chains[0].nativeAsset", "[]", "$.chains[0].nativeAsset", "must be an object, got an array" },
        { "chains[0].tokens[0].symbol", "[\"USDC\"]", "$.chains[0].tokens[0].symbol", "must be a symbol of 1 to 32 characters matching ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$, got an array" },
        { "version", "\"1\"", "$.version", "unsupported version; expected 1, got \"1\"" },
        { "$schema", "5", "$['$schema']", "must be a string, got 5" },
        { "chains[1].rpcUrls[0]", "\"http://:8545\"", "$.chains[1].rpcUrls[0]", "must be an absolute http, https, ws or wss URL, got \"http://:8545\"" },
        { "chains[0].priceFeeds[0].asset", "\"DAI\"", "$.chains[0].priceFeeds[0].asset", "'DAI' is not a token of this chain (tokens: USDC, WETH)" },
        { "chains[0].priceFeeds[0].asset", "\"weth\"", "$.chains[0].priceFeeds[0].asset", "'weth' is not a token of this chain" },
        { "chains[0].priceFeeds", TwoWethFeeds, "$.chains[0].priceFeeds[1].asset", "a second price feed for 'WETH' (also at $.chains[0].priceFeeds[0])" },
        { "chains[0].priceFeeds[0].address", "\"0x00000000000000000000000000000000000001A2\"", "$.chains[0].priceFeeds[0].address", "the address of token WETH" },
        { "chains[0].priceFeeds[0].address", "\"0x00000000000000000000000000000000000000a1\"", "$.chains[0].priceFeeds[0].address", "the address of the vault contract" },
        { "chains[0].priceFeeds[0].address", "\"0x12\"", "$.chains[0].priceFeeds[0].address", "must be an address: 0x followed by 40 hex digits" },
        { "chains[0].priceFeeds[0].heartbeatSeconds", "0", "$.chains[0].priceFeeds[0].heartbeatSeconds", "must be an integer between 1 and 604800, got 0" },
        { "chains[0].priceFeeds[0].heartbeatSeconds", "604801", "$.chains[0].priceFeeds[0].heartbeatSeconds", "between 1 and 604800" },
        { "chains[0].priceFeeds[0].decimals", "37", "$.chains[0].priceFeeds[0].decimals", "must be an integer between 0 and 36, got 37" },
        { "chains[0].priceFeeds[0].pair", "\"ETH/USD\"", "$.chains[0].priceFeeds[0].pair", "unknown property; expected one of: asset, address, decimals, heartbeatSeconds" },
        { "chains[0].priceFeeds", "{}", "$.chains[0].priceFeeds", "must be an array, got an object" },
    };

    public static TheoryData<string> RequiredProperties => new()
    {
        "version", "chains", "chains[0].name", "chains[0].chainId", "chains[1].rpcUrls", "chains[1].confirmations",
        "chains[0].blockTimeMs", "chains[0].nativeAsset", "chains[0].nativeAsset.symbol", "chains[0].contracts",
        "chains[0].contracts.bridge", "chains[0].tokens", "chains[0].tokens[1].address", "routes[0].from",
        "routes[0].to", "routes[0].asset", "routes[0].feeBps", "routes[0].latencySeconds", "routes[0].capacity",
        "routes[0].rateLimit", "routes[1].rateLimit.refillPerSecond", "chains[0].priceFeeds[0].asset",
        "chains[0].priceFeeds[0].address", "chains[0].priceFeeds[0].decimals", "chains[0].priceFeeds[0].heartbeatSeconds",
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Parse_BadValue_ReportsPathAndReason(string change, string valueJson, string expectedPath, string expectedFragment)
    {
        var json = TestDocument.With(change, valueJson);

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        var error = Assert.Single(
            ex.Errors,
            e => e.Path == expectedPath && e.Message.Contains(expectedFragment, StringComparison.Ordinal));
        Assert.Contains($"chains.json: {expectedPath}: {error.Message}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Parse_MissingRequiredProperty_ReportsItsPath(string property)
    {
        var json = TestDocument.Without(property);

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        var expectedPath = "$." + property;
        var error = Assert.Single(ex.Errors, e => e.Path == expectedPath);
        Assert.Equal("required property is missing", error.Message);
    }

    [Fact]
    public void Parse_DuplicateProperty_ReportsSecondOccurrence()
    {
        var json = TestDocument.Valid.Replace("\"confirmations\": 3,", "\"confirmations\": 3, \"confirmations\": 4,", StringComparison.Ordinal);

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal(new ChainsConfigurationError("$.chains[0].confirmations", "duplicate property"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Parse_ErrorsInOneChain_AreReportedInFileOrder()
    {
        var json = TestDocument.With(
            ("chains[0].tokens[1].decimals", "-1"),
            ("chains[0].name", "7"),
            ("chains[0].contracts.extra", "1"),
            ("chains[0].chainId", "0"));

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal(
            ["$.chains[0].name", "$.chains[0].chainId", "$.chains[0].contracts.extra", "$.chains[0].tokens[1].decimals"],
            ex.Errors.Where(e => e.Path.StartsWith("$.chains[0]", StringComparison.Ordinal)).Select(e => e.Path));
    }

    [Fact]
    public void Parse_SeveralMissingProperties_ReportsEachAtItsOwnPath()
    {
        var json = TestDocument.With("routes[0].rateLimit", "{}");

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Equal(
            [
                new ChainsConfigurationError("$.routes[0].rateLimit.capacity", "required property is missing"),
                new ChainsConfigurationError("$.routes[0].rateLimit.refillPerSecond", "required property is missing"),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_PropertyNameNeedingQuotes_UsesBracketNotation()
    {
        var json = TestDocument.With("chains[0].rpc urls", "[]");

        var ex = Assert.Throws<ChainsConfigurationException>(() => ChainsConfigurationLoader.Parse(json, "chains.json"));

        Assert.Contains(ex.Errors, e => e.Path == "$.chains[0]['rpc urls']");
    }
}
