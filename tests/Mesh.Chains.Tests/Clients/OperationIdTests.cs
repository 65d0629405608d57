using Mesh.Chains.Clients;

namespace Mesh.Chains.Tests.Clients;

public sealed class OperationIdTests
{
    [Fact]
    public void FromName_SameName_SameId()
    {
        var sut = OperationId.FromName("transfer/42/lock");

        Assert.Equal(sut, OperationId.FromName("transfer/42/lock"));
        Assert.NotEqual(sut, OperationId.FromName("transfer/42/release"));
    }

    [Fact]
    public void FromName_KnownName_IsSha256OfUtf8()
    {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        var sut = OperationId.FromName("abc");

        Assert.Equal("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sut.ToString());
    }

    [Fact]
    public void Parse_Formatted_RoundTrips()
    {
        var sut = OperationId.FromName("deposit/1");

        Assert.Equal(sut, OperationId.Parse(sut.ToString()));
    }

    [Fact]
    public void FromName_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => OperationId.FromName(string.Empty));
    }
}
