namespace Mesh.TestGrains;

/// <summary>
/// Calls an <see cref="IActivationProbeGrain"/> from inside the cluster. A stateless worker runs on the gateway silo
/// that received the call, so relays with different keys make the same probe key be looked up from different silos
/// (through different directory caches), as calls between grains do.
/// </summary>
[Alias("test.activation-relay")]
public interface IActivationRelayGrain : IGrainWithIntegerKey
{
    /// <summary>Calls the probe <paramref name="key"/> from this silo.</summary>
    /// <param name="key">The probe grain's key.</param>
    /// <returns>Its answer, with <see cref="ActivationProbeReply.Via"/> set to this silo.</returns>
    [Alias("test.activation-relay.where")]
    Task<ActivationProbeReply> Where(string key);
}
