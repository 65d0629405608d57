using Mesh.Diagnostics;
using Orleans.Placement;
using Orleans.Runtime;

namespace Mesh.Grains.Diagnostics;

/// <summary>Answers probes with its silo; stateless, placed at random so that probes reach every silo.</summary>
[RandomPlacement]
internal sealed class ProbeGrain(ILocalSiloDetails silo, TimeProvider clock) : Grain, IProbeGrain
{
    public Task<ProbeReply> Ping(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ProbeReply(this.GetPrimaryKeyLong(), silo.SiloAddress.ToParsableString(), clock.GetUtcNow()));
}
