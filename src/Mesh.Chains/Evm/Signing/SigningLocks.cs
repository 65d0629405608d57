using System.Collections.Concurrent;
using System.Globalization;

namespace Mesh.Chains.Evm.Signing;

/// <summary>One lock per (chain id, signing address) in the process: nonce allocation, signing and sending are serialized per key.</summary>
internal static class SigningLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(ulong chainId, string address) =>
        Locks.GetOrAdd(string.Create(CultureInfo.InvariantCulture, $"{chainId}:{address.ToLowerInvariant()}"), _ => new SemaphoreSlim(1, 1));
}
