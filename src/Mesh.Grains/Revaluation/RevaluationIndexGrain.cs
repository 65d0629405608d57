using Mesh.Oracles;
using Mesh.Revaluation;
using Mesh.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Revaluation;

/// <summary>A partition of an asset's vaults; publishing a price revalues them all in parallel.</summary>
internal sealed class RevaluationIndexGrain([PersistentState("revaluation-index")] IPersistentState<RevaluationIndexState> state) : Grain, IRevaluationIndexGrain
{
    private string[]? _members;

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
        var members = _members ??= [.. state.State.Vaults];
        var calls = new Task[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            calls[i] = GrainFactory.GetGrain<IVaultGrain>(members[i]).OnPrice(snapshot, cancellationToken);
        }

        await Task.WhenAll(calls);
        return members.Length;
    }

    public Task<IReadOnlyList<string>> Members(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Vaults]);
}
