namespace Mesh.Chains.Evm.Tests.Evm;

public sealed class EvmSigningKeyTests
{
    private const string Key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    [Fact]
    public void FromHex_KeyWithoutPrefix_GivesAddressAndHidesKeyInText()
    {
        var sut = EvmSigningKey.FromHex(Key[2..]);

        // The address of this key as published with web3.js's eth.accounts documentation.
        Assert.Equal("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23", sut.Address);
        Assert.Equal(sut.Address, sut.ToString());
        Assert.False(sut.IsDevelopmentKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1234")]
    [InlineData("0xzz0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void FromHex_MalformedKey_ThrowsWithoutEchoingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => EvmSigningKey.FromHex(text));

        Assert.DoesNotContain(text.Length > 4 ? text[4..] : "\u0001", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromFile_KeyFileWithNewline_ReadsKey()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Key + "\n");

            var sut = EvmSigningKey.FromFile(path);

            Assert.Equal("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23", sut.Address);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromEnvironment_UnsetVariable_ThrowsNamingIt()
    {
        var name = "MESH_TEST_KEY_" + Guid.NewGuid().ToString("N");

        var error = Assert.Throws<InvalidOperationException>(() => EvmSigningKey.FromEnvironment(name));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
