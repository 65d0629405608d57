namespace Mesh.TestGrains;

public sealed class ShutdownGrain([PersistentState("shutdown")] IPersistentState<CounterState> state) : Grain, IShutdownGrain
{
    private static int s_inFlight;
    private long _inMemory;
    private long _stored;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = state.State.Value;
        _inMemory = state.State.Value;
        return Task.CompletedTask;
    }

    /// <summary>Calls of <see cref="Work"/> running now in this process (tests wait for one before they stop the silo).</summary>
    public static int InFlight => Volatile.Read(ref s_inFlight);

    public async Task<long> Work(int milliseconds)
    {
        Interlocked.Increment(ref s_inFlight);
        try
        {
            await Task.Delay(milliseconds);
            return ++_inMemory;
        }
        finally
        {
            Interlocked.Decrement(ref s_inFlight);
        }
    }

    public Task<long> Stored() => Task.FromResult(_stored);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        state.State.Value = _inMemory;
        await state.WriteStateAsync(cancellationToken);
    }
}
