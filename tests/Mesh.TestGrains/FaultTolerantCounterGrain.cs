using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <remarks>
/// When a write fails (storage unreachable) the operation is taken back out of memory and the activation leaves, so a
/// retry of the same operation id finds it not applied and writes again, and the next activation reads what storage
/// holds. <see cref="CounterGrain"/> keeps the failed operation in memory, so its retry is acknowledged without a
/// write: an acknowledgement that storage does not back.
/// </remarks>
public sealed class FaultTolerantCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, ILocalSiloDetails silo) : Grain, IFaultTolerantCounterGrain
{
    public async Task<long> Add(Guid operationId, long amount)
    {
        if (state.State.Applied.Contains(operationId))
        {
            return state.State.Value;
        }

        state.State.Applied.Add(operationId);
        state.State.Value += amount;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Applied.Remove(operationId);
            state.State.Value -= amount;
            DeactivateOnIdle();
            throw;
        }

        return state.State.Value;
    }

    public Task<CounterSnapshot> Get() =>
        Task.FromResult(new CounterSnapshot(state.State.Value, state.State.Applied.Count, silo.SiloAddress.ToParsableString()));
}
