using Mesh.Oracles;
using Mesh.Revaluation;
using Mesh.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Revaluation;

/// <summary>
/// A partition of an asset's vaults; publishing a price revalues them all in parallel. A round already published to
/// every member (the oracle publishes a round once, but a caller may publish it again to wait for it) is answered at
/// once: each member ignores a round it has seen, and a vault registered since reads the oracle when it values itself.
/// </summary>
internal sealed class RevaluationIndexGrain([PersistentState("revaluation-index")] IPersistentState<RevaluationIndexState> state) : Grain, IRevaluationIndexGrain
{
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

        var calls = new Task[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            calls[i] = GrainFactory.GetGrain<IVaultGrain>(members[i]).OnPrice(snapshot, cancellationToken);
        }

        await Task.WhenAll(calls);
        _published = snapshot.Round;
        return members.Length;
    }

    public Task<IReadOnlyList<string>> Members(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Vaults]);
}
