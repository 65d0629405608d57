using Mesh.Grains.Chains;

namespace Mesh.Grains.Tests.Chains;

public sealed class RpcEndpointRedactorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("https://rpc.example.org", "https://rpc.example.org")]
    [InlineData("https://alice:s3cret@rpc.example.org:8443", "https://rpc.example.org:8443/…")]
    [InlineData("https://mainnet.example.io/v3/0123456789abcdef", "https://mainnet.example.io/…")]
    [InlineData("wss://node.example.org/ws?apikey=s3cret#frag", "wss://node.example.org/…")]
    [InlineData("http://[::1]:8545/", "http://[::1]:8545")]
    public void Redact_Endpoint_ShowsSchemeHostAndPortOnly(string endpoint, string expected)
    {
        var sut = RpcEndpointRedactor.Redact(new Uri(endpoint));

        Assert.Equal(expected, sut);
        Assert.DoesNotContain("s3cret", sut, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", sut, StringComparison.Ordinal);
    }
}
