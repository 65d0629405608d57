using Orleans.Concurrency;
using Orleans.Runtime;

namespace Mesh.TestGrains;

[StatelessWorker]
public sealed class ActivationRelayGrain(ILocalSiloDetails silo) : Grain, IActivationRelayGrain
{
    public async Task<ActivationProbeReply> Where(string key)
    {
        var reply = await GrainFactory.GetGrain<IActivationProbeGrain>(key).Where();
        return reply with { Via = silo.SiloAddress.ToParsableString() };
    }
}
