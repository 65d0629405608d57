using FsCheck;
using FsCheck.Fluent;
using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Abi;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Mesh.Chains.Evm.Tests.Evm;

public sealed class AbiDecodingTests
{
    [Fact]
    public void ProtocolIds_AnyShortPrintableId_RoundTrips()
    {
        var ids = Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_.:".ToCharArray()).ArrayOf().Where(a => a.Length is > 0 and <= 32)
            .Select(a => new string(a));
        Prop.ForAll(ids.ToArbitrary(), id => ProtocolIds.Decode(ProtocolIds.Encode(id), _ => null) == id).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ProtocolIds_LongId_IsHashedAndDecodedFromKnownIds()
    {
        var id = new string('x', 40);
        var key = ProtocolIds.Encode(id);

        Assert.Equal(id, ProtocolIds.Decode(key, k => k == key ? id : null));
        Assert.Equal(key.ToString(), ProtocolIds.Decode(key, _ => null));
    }

    [Fact]
    public void RevertDecoder_InsufficientVaultBalance_GivesStableCodeAndAmounts()
    {
        var data = VaultAbi.Call(
            "InsufficientVaultBalance(bytes32,address,uint256,uint256)",
            new Nethereum.ABI.ABIValue("bytes32", new byte[32]),
            new Nethereum.ABI.ABIValue("address", "0x000000000000000000000000000000000000a101"),
            new Nethereum.ABI.ABIValue("uint256", 5),
            new Nethereum.ABI.ABIValue("uint256", 7));

        var (code, reason) = RevertDecoder.Decode(data);

        Assert.Equal(ChainErrorCodes.InsufficientVaultBalance, code);
        Assert.Contains("has 5", reason, StringComparison.Ordinal);
        Assert.Contains("takes 7", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RevertDecoder_UnknownSelector_GivesGenericRevert()
    {
        var (code, _) = RevertDecoder.Decode("0xdeadbeef");

        Assert.Equal(EvmErrorCodes.Reverted, code);
    }

    [Fact]
    public void MovementTopic_IsKeccakOfEventSignature()
    {
        Assert.Equal(
            Nethereum.Util.Sha3Keccack.Current.CalculateHash(VaultAbi.MovementSignature).EnsureHexPrefix(),
            VaultAbi.MovementTopic);
        Assert.Equal(66, VaultAbi.MovementTopic.Length);
    }
}
