using Mesh.Api.Json;
using Mesh.Api.Problems;

namespace Mesh.Api.Tests.Json;

public sealed class ApiNamesTests
{
    [Theory]
    [InlineData("local-a", true)]
    [InlineData("arbitrum-one", true)]
    [InlineData("Local-A", false)]
    [InlineData("-a", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Chain_Shape_AcceptsChainsJsonNamesOnly(string name, bool valid)
    {
        if (valid)
        {
            Assert.Equal(name, ApiNames.Chain(name));
            return;
        }

        var error = Assert.Throws<ApiException>(() => ApiNames.Chain(name, "route.from"));
        Assert.Equal(ApiErrorCodes.InvalidName, error.Code);
        Assert.Equal("route.from", error.Field);
        Assert.StartsWith("route.from: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USDC", true)]
    [InlineData("USDC.e", true)]
    [InlineData("cbBTC", true)]
    [InlineData(".USDC", false)]
    [InlineData("US DC", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    public void Asset_Shape_AcceptsSymbolsOnly(string symbol, bool valid)
    {
        if (valid)
        {
            Assert.Equal(symbol, ApiNames.Asset(symbol));
            return;
        }

        var error = Assert.Throws<ApiException>(() => ApiNames.Asset(symbol));
        Assert.Equal("asset", error.Field);
    }
}
