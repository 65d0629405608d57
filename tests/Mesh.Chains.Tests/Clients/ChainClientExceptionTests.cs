using Mesh.Chains.Clients;

namespace Mesh.Chains.Tests.Clients;

public sealed class ChainClientExceptionTests
{
    [Theory]
    [InlineData(ChainErrorKind.Timeout, true)]
    [InlineData(ChainErrorKind.Unavailable, true)]
    [InlineData(ChainErrorKind.Rejected, false)]
    [InlineData(ChainErrorKind.InvalidResponse, false)]
    public void IsTransient_ByKind_OnlyTimeoutAndUnavailable(ChainErrorKind kind, bool transient)
    {
        var sut = new ChainClientException("local-a", kind, "chain.test", "message");

        Assert.Equal(transient, sut.IsTransient);
        Assert.Equal("local-a", sut.ChainName);
        Assert.Equal("chain.test", sut.Code);
    }

    [Fact]
    public void Constructor_BlankCode_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ChainClientException("local-a", ChainErrorKind.Timeout, " ", "message"));
    }
}
