using Mesh.Runtime;

namespace Mesh.Runtime.Tests.Grains;

public sealed class ClusterCounterState
{
    public List<string> Ops { get; set; } = [];

    /// <summary>One entry per successful write: the writing silo and its lease epoch.</summary>
    public List<string> Writers { get; set; } = [];
}

public interface IClusterCounterGrain : IGrainWithStringKey
{
    Task<int> Add(string opId);

    [ReadOnly]
    Task<ClusterCounterState> Read();

    [ReadOnly]
    Task<string> Host();

    /// <summary>Writes, then fails the way a nested call to a grain whose silo just went away fails.</summary>
    Task AddThenFailLikeANestedCall(string opId);
}

public sealed class ClusterCounterGrain([PersistentState("counter")] IPersistentState<ClusterCounterState> state) : Grain, IClusterCounterGrain
{
    public async Task<int> Add(string opId)
    {
        state.State.Ops.Add(opId);
        state.State.Writers.Add($"{Activation.Runtime.SiloId}#{Activation.Fence.Epoch}");
        await state.WriteStateAsync();
        return state.State.Ops.Count;
    }

    public Task<ClusterCounterState> Read() => Task.FromResult(state.State);

    public Task<string> Host() => Task.FromResult(Activation.Runtime.SiloId);

    public async Task AddThenFailLikeANestedCall(string opId)
    {
        await Add(opId);
        throw new NotOwnerException("a nested call found no owner") { CallDidNotRun = true };
    }
}
