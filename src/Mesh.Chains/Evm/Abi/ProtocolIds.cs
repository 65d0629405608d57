using System.Text;
using Mesh.Chains.Clients;
using Nethereum.Util;

namespace Mesh.Chains.Evm.Abi;

/// <summary>
/// Maps the mesh's protocol ids to the vault's <c>bytes32</c> protocol keys. An id of at most 32 UTF-8 bytes is
/// stored as those bytes, right-padded with zeros, so that events read back as the id; a longer id is stored as its
/// Keccak-256 hash and reads back as the hash in hex unless this process has seen the id.
/// </summary>
internal static class ProtocolIds
{
    public static Bytes32 Encode(string protocolId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protocolId);
        var bytes = Encoding.UTF8.GetBytes(protocolId);
        if (bytes.Length <= Bytes32.Length && !bytes.Contains((byte)0))
        {
            var padded = new byte[Bytes32.Length];
            bytes.CopyTo(padded, 0);
            return new Bytes32(padded);
        }

        return new Bytes32(Sha3Keccack.Current.CalculateHash(bytes));
    }

    public static string Decode(Bytes32 key, Func<Bytes32, string?> known)
    {
        var bytes = key.ToArray();
        var length = Array.IndexOf(bytes, (byte)0);
        length = length < 0 ? bytes.Length : length;
        var padding = bytes.AsSpan(length);
        if (length > 0 && !padding.ContainsAnyExcept((byte)0))
        {
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
                if (!text.Any(char.IsControl))
                {
                    return text;
                }
            }
            catch (DecoderFallbackException)
            {
                // Not text: a hashed id.
            }
        }

        return known(key) ?? key.ToString();
    }
}
