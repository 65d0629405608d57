using System.Numerics;
using Mesh.Chains.Clients;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace Mesh.Chains.Evm.Signing;

/// <summary>Builds and signs EIP-1559 transactions offline with explicit fees and gas limits.</summary>
internal static class TransactionSigner
{
    private static readonly Transaction1559Signer Signer = new();

    public static (string Raw, Bytes32 Hash) Sign(
        EvmSigningKey key, ulong chainId, ulong nonce, string? to, string data, ulong gasLimit, EvmChainOptions options, BigInteger value = default)
    {
        var transaction = new Transaction1559(
            new BigInteger(chainId),
            new BigInteger(nonce),
            new BigInteger(options.MaxPriorityFeePerGas),
            new BigInteger(options.MaxFeePerGas),
            new BigInteger(gasLimit),
            to,
            value,
            data,
            []);
        var raw = Signer.SignTransaction(key.Key, transaction).EnsureHexPrefix();
        return (raw, HashOf(raw));
    }

    /// <summary>The transaction hash: Keccak-256 of the signed bytes.</summary>
    public static Bytes32 HashOf(string raw) => new(Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()));
}
