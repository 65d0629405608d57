using Orleans.Runtime;

namespace Mesh.TestGrains;

public sealed class ActivationProbeGrain(ILocalSiloDetails silo, TimeProvider clock) : Grain, IActivationProbeGrain
{
    private readonly Guid _activationId = Guid.NewGuid();
    private readonly DateTimeOffset _activatedAt = clock.GetUtcNow();

    public Task<ActivationProbeReply> Where() =>
        Task.FromResult(new ActivationProbeReply(_activationId, silo.SiloAddress.ToParsableString(), Via: null, _activatedAt, clock.GetUtcNow()));
}
