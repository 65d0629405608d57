using FsCheck;
using FsCheck.Fluent;
using Mesh.Chains.Clients;

namespace Mesh.Chains.Tests.Clients;

public sealed class Bytes32Tests
{
    [Fact]
    public void Parse_MixedCaseHex_FormatsLowerCaseAndKeepsByteOrder()
    {
        var text = "0x00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff";

        var sut = Bytes32.Parse(text);

        Assert.Equal(text.ToLowerInvariant(), sut.ToString());
        Assert.Equal(0x00, sut.ToArray()[0]);
        Assert.Equal(0x11, sut.ToArray()[1]);
        Assert.Equal(0xff, sut.ToArray()[31]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddee")]
    [InlineData("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(Bytes32.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Bytes32.Parse(text));
    }

    [Fact]
    public void Constructor_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Bytes32(new byte[31]));
    }

    [Fact]
    public void RoundTrip_AnyBytes_EqualByValueAndTextAndOrderedAsBigEndian()
    {
        var gen = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 64);
        Prop.ForAll(gen.ToArbitrary(), bytes =>
            {
                var left = new Bytes32(bytes.AsSpan(0, 32));
                var right = new Bytes32(bytes.AsSpan(32, 32));
                var reparsed = Bytes32.Parse(left.ToString());
                var order = bytes.AsSpan(0, 32).SequenceCompareTo(bytes.AsSpan(32, 32));
                return reparsed == left
                    && reparsed.GetHashCode() == left.GetHashCode()
                    && left.ToArray().AsSpan().SequenceEqual(bytes.AsSpan(0, 32))
                    && Math.Sign(left.CompareTo(right)) == Math.Sign(order)
                    && (left == right) == (order == 0);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Zero_IsZero_OthersAreNot()
    {
        Assert.True(Bytes32.Zero.IsZero);
        Assert.False(Bytes32.Sha256([1]).IsZero);
    }
}
