namespace Mesh.Chains;

/// <summary>One line of a reconciliation: the index against the vault contract, in base units.</summary>
/// <param name="Asset">The token symbol.</param>
/// <param name="ProtocolId">The protocol, or null for the token line (the vault contract's whole token balance).</param>
/// <param name="IndexedFinal">The index's final amount.</param>
/// <param name="TentativeIn">The index's tentative deposits and releases (blocks not final yet).</param>
/// <param name="TentativeOut">The index's tentative withdrawals and locks.</param>
/// <param name="OnChain">The contract's balance at the report's block: the token's <c>balanceOf(vault)</c>, or the protocol's vault balance.</param>
/// <param name="Difference">OnChain − (IndexedFinal + TentativeIn − TentativeOut), signed, in base units: "0" when reconciled.</param>
/// <param name="Status">Whether the difference is zero.</param>
[GenerateSerializer]
[Alias("mesh.chain.reconciliation_line")]
public sealed record ReconciliationLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] string? ProtocolId,
    [property: Id(2)] UInt128 IndexedFinal,
    [property: Id(3)] UInt128 TentativeIn,
    [property: Id(4)] UInt128 TentativeOut,
    [property: Id(5)] UInt128 OnChain,
    [property: Id(6)] string Difference,
    [property: Id(7)] ReconciliationStatus Status);
