using Orleans.Runtime;

namespace Mesh.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<long> Add(Guid operationId, long amount)
    {
        if (state.State.Applied.Add(operationId))
        {
            state.State.Value += amount;
            await state.WriteStateAsync();
        }

        return state.State.Value;
    }

    public Task<CounterSnapshot> Get() =>
        Task.FromResult(new CounterSnapshot(state.State.Value, state.State.Applied.Count, silo.SiloAddress.ToParsableString()));
}
