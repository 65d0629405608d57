namespace Mesh.Audit;

/// <summary>
/// The conservation audit: walks every protocol's vaults, the pools and the chains, and checks per asset and chain
/// that what the chain's vault contract holds equals pool free liquidity + vault balances + amounts in transit, and
/// each pool's own identity. Read-only; a stateless worker (any key, usually 0).
/// </summary>
[Alias("mesh.audit")]
public interface IConservationAuditGrain : IGrainWithIntegerKey
{
    /// <summary>Runs the audit now.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    [Alias("mesh.audit.run")]
    Task<ConservationReport> Run(CancellationToken cancellationToken = default);
}
