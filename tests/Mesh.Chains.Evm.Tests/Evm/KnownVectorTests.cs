using System.Text;
using Mesh.Chains.Evm.Abi;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace Mesh.Chains.Evm.Tests.Evm;

/// <summary>Vectors published outside the project: Keccak-256 (the original Keccak, not FIPS SHA3-256), the addresses of Hardhat's well-known keys, ERC-20 selectors.</summary>
public sealed class KnownVectorTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Keccak256_PublishedInput_GivesPublishedDigest(string input, string digest)
    {
        var sut = Sha3Keccack.Current;

        var hash = sut.CalculateHash(Encoding.UTF8.GetBytes(input));

        Assert.Equal(digest, hash.ToHex());
    }

    [Theory]
    [InlineData(0, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    [InlineData(1, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8")]
    [InlineData(2, "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc")]
    public void HardhatAccount_WellKnownKey_HasPublishedAddress(int index, string address)
    {
        var sut = EvmDevelopmentKeys.HardhatAccount(index);

        Assert.Equal(address, sut.Address);
        Assert.True(sut.IsDevelopmentKey);
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "a9059cbb")]
    [InlineData("approve(address,uint256)", "095ea7b3")]
    [InlineData("balanceOf(address)", "70a08231")]
    [InlineData("latestRoundData()", "feaf968c")]
    public void Selector_KnownFunction_IsPublishedSelector(string signature, string selector)
    {
        Assert.Equal(selector, VaultAbi.Selector(signature).ToHex());
    }

    [Fact]
    public void Keccak256_TransferEventSignature_IsErc20TransferTopic()
    {
        var topic = Sha3Keccack.Current.CalculateHash("Transfer(address,address,uint256)");

        Assert.Equal("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", topic);
    }
}
