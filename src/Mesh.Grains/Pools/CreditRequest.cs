namespace Mesh.Grains.Pools;

/// <summary>A vault's request to draw credit from the pool.</summary>
/// <param name="VaultId">The vault (protocol/chain).</param>
/// <param name="ProtocolId">The protocol that owns the vault.</param>
/// <param name="Chain">The chain the credit is paid out on.</param>
/// <param name="Amount">The base units asked for.</param>
/// <param name="RiskFactors">The shared risk-factor ids the vault's exposure maps to; at least one.</param>
/// <param name="AllowPartial">Whether less than the amount may be granted when a limit binds; otherwise all or nothing.</param>
internal sealed record CreditRequest(
    string VaultId,
    string ProtocolId,
    string Chain,
    UInt128 Amount,
    IReadOnlyList<string> RiskFactors,
    bool AllowPartial = false);
