using System.Runtime.ExceptionServices;
using Mesh.Oracles;
using Mesh.Revaluation;
using Mesh.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Revaluation;

/// <summary>
/// A partition of an asset's vaults; publishing a price revalues them all, <see cref="Window"/> at a time. A round already published to
/// every member (the oracle publishes a round once, but a caller may publish it again to wait for it) is answered at
/// once: each member ignores a round it has seen, and a vault registered since reads the oracle when it values itself.
/// </summary>
internal sealed class RevaluationIndexGrain([PersistentState("revaluation-index")] IPersistentState<RevaluationIndexState> state) : Grain, IRevaluationIndexGrain
{
    /// <summary>
    /// How many of the partition's vaults revalue at once. Enough to keep every core busy (16 partitions × 8), few
    /// enough that the vaults whose need changes direction in a tick do not all write their state at the same time:
    /// with SQLite, writers that find the file locked wait in its busy handler, each holding a thread.
    /// </summary>
    private const int Window = 8;
    private readonly Dictionary<string, UInt128> _holdings = new(StringComparer.Ordinal);
    private string[]? _members;
    private long _published;

    public async Task Register(string vault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (!state.State.Vaults.Add(vault))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Vaults.Remove(vault);
            throw;
        }

        _members = null;
    }

    public async Task<int> Publish(OracleSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var members = _members ??= [.. state.State.Vaults];
        if (snapshot.Round <= _published)
        {
            return members.Length;
        }

        var next = -1;
        var failures = new List<Exception>();
        var workers = new Task[Math.Min(Window, members.Length)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Revalue();
        }

        await Task.WhenAll(workers);
        if (failures.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        _published = snapshot.Round;
        return members.Length;

        // The grain's turns run one at a time, so the workers share the index and the list without locks.
        async Task Revalue()
        {
            while (++next < members.Length)
            {
                try
                {
                    var member = members[next];
                    _holdings[member] = await GrainFactory.GetGrain<IVaultGrain>(member).OnPrice(snapshot, cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(e);
                }
            }
        }
    }

    public Task<IReadOnlyList<string>> Members(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Vaults]);

    public Task<RevaluationHoldings> Holdings(CancellationToken cancellationToken = default)
    {
        var total = UInt128.Zero;
        foreach (var holding in _holdings.Values)
        {
            total = total > UInt128.MaxValue - holding ? UInt128.MaxValue : total + holding;
        }

        var asset = this.GetPrimaryKeyString();
        return Task.FromResult(new RevaluationHoldings(asset[..asset.LastIndexOf('/')], total, _holdings.Count, state.State.Vaults.Count));
    }
}
