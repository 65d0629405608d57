using System.Collections.Concurrent;
using System.Globalization;

namespace Mesh.Chains.Evm.Signing;

/// <summary>One lock per (chain id, signing address): nonce allocation, signing and sending are serialized per key.</summary>
internal sealed class SigningLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The locks of this process, shared by its clients, its stores and its set-up transactions.</summary>
    public static SigningLocks Process { get; } = new();

    public SemaphoreSlim For(ulong chainId, string address) =>
        _locks.GetOrAdd(string.Create(CultureInfo.InvariantCulture, $"{chainId}:{address.ToLowerInvariant()}"), _ => new SemaphoreSlim(1, 1));

    /// <summary>Waits for the lock of a key and returns a lease that releases it.</summary>
    public async Task<ISigningLease> LockAsync(ulong chainId, string address, CancellationToken cancellationToken)
    {
        var gate = For(chainId, address);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim gate) : ISigningLease
    {
        private int _released;

        public Task EnsureHeldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
