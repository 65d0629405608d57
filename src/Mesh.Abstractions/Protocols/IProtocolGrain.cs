namespace Mesh.Protocols;

/// <summary>
/// One protocol's membership of the mesh, keyed by protocol id: join → approval (by an operator, or automatic within
/// the configured limits) → active; suspend, resume; leave, refused while anything is encumbered.
/// </summary>
[Alias("mesh.protocol")]
public interface IProtocolGrain : IGrainWithStringKey
{
    /// <summary>Asks to join. Asking again with the same request returns the current view.</summary>
    /// <param name="request">The request; validated, and refused with the field named.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.join")]
    Task<ProtocolView> Join(JoinRequest request, CancellationToken cancellationToken = default);

    /// <summary>An operator approves a pending protocol, optionally at a lower tier than it asked for.</summary>
    /// <param name="tier">The tier to grant; null grants the requested one.</param>
    /// <param name="approvedBy">Who approved it (an operator key id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.approve")]
    Task<ProtocolView> Approve(RiskTier? tier, string approvedBy, CancellationToken cancellationToken = default);

    /// <summary>An operator refuses a pending protocol.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.reject")]
    Task<ProtocolView> Reject(string reason, CancellationToken cancellationToken = default);

    /// <summary>An operator suspends an active protocol: it may then only reduce risk.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.suspend")]
    Task<ProtocolView> Suspend(string reason, CancellationToken cancellationToken = default);

    /// <summary>An operator lifts a suspension.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.reinstate")]
    Task<ProtocolView> Reinstate(CancellationToken cancellationToken = default);

    /// <summary>Leaves the mesh; refused with the reason while a vault holds collateral, credit or exposures, or the protocol holds pool shares.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol as recorded.</returns>
    [Alias("mesh.protocol.leave")]
    Task<ProtocolView> Leave(CancellationToken cancellationToken = default);

    /// <summary>Reads the protocol.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol, or null if it never joined.</returns>
    [Alias("mesh.protocol.read")]
    [Orleans.Concurrency.ReadOnly]
    Task<ProtocolView?> Read(CancellationToken cancellationToken = default);
}
