using Orleans.Placement;

namespace Mesh.TestGrains;

/// <summary>Writes its state once per call through the silo's default grain storage (Orleans' ADO.NET provider in Mesh).</summary>
[PreferLocalPlacement]
public sealed class BenchWriteGrain([PersistentState("benchwrite")] IPersistentState<BenchWriteState> state) : Grain, IBenchWriteGrain
{
    public async Task<long> Write()
    {
        state.State.Sequence++;
        await state.WriteStateAsync();
        return state.State.Sequence;
    }
}
