namespace Mesh.Diagnostics;

/// <summary>
/// A stateless grain an operator calls to check the cluster end to end: each key activates on some silo
/// (random placement), so probing many keys exercises every silo and the links between them.
/// </summary>
[Alias("mesh.probe")]
public interface IProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Answers with the silo the activation runs on.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Where and when the probe answered.</returns>
    [Alias("mesh.probe.ping")]
    Task<ProbeReply> Ping(CancellationToken cancellationToken = default);
}
