using Mesh.Runtime;

namespace Mesh.Benchmarks;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}

public sealed class WriterState
{
    public long Sequence { get; set; }
}

public interface IWriterGrain : IGrainWithStringKey
{
    Task<long> Write();
}

public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task<long> Write()
    {
        state.State.Sequence++;
        await state.WriteStateAsync();
        return state.State.Sequence;
    }
}
