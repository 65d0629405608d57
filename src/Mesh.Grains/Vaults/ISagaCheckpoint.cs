namespace Mesh.Grains.Vaults;

/// <summary>
/// Told when a vault's credit saga (draw, repay, supply, redeem) reaches a boundary between two durable writes. The
/// default does nothing; fault tests register one that crashes the process there, to prove the saga resumes.
/// </summary>
public interface ISagaCheckpoint
{
    /// <summary>Called synchronously in the vault grain's turn when the saga reaches <paramref name="boundary"/>.</summary>
    /// <param name="vault">The vault's key (<c>protocol/chain</c>).</param>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="boundary">The boundary reached.</param>
    void Reached(string vault, string operationId, SagaStep boundary);
}
