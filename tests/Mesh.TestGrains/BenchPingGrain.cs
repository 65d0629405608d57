using Orleans.Placement;
using Orleans.Runtime;

namespace Mesh.TestGrains;

/// <summary>
/// Placed on the silo that first calls it (a client's gateway, or the silo of the calling grain), so that a benchmark
/// decides where it lives by activating it through the gateway of the silo it wants.
/// </summary>
[PreferLocalPlacement]
public sealed class BenchPingGrain(ILocalSiloDetails silo) : Grain, IBenchPingGrain
{
    private int _calls;

    public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
