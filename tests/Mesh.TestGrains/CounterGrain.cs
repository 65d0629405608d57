using Orleans.Runtime;

namespace Mesh.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<long> Add(Guid operationId, long amount)
    {
        if (state.State.Applied.Add(operationId))
        {
            state.State.Value += amount;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // Not written, so not applied: undo in memory and start over from storage, so that a retry with the same
                // operation id writes instead of finding it "already applied".
                state.State.Applied.Remove(operationId);
                state.State.Value -= amount;
                DeactivateOnIdle();
                throw;
            }
        }

        return state.State.Value;
    }

    public Task<CounterSnapshot> Get() =>
        Task.FromResult(new CounterSnapshot(state.State.Value, state.State.Applied.Count, silo.SiloAddress.ToParsableString()));
}
