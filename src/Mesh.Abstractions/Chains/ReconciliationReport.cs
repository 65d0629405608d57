namespace Mesh.Chains;

/// <summary>
/// The chain index against the vault contract on one chain, at one head block: the index is brought up to that block,
/// the contract's balances are read there, and the head is read again to make sure the chain did not move in between.
/// Tentative amounts (blocks above <paramref name="FinalizedBlock"/>) are stated apart on every line.
/// </summary>
/// <param name="Chain">The chain name.</param>
/// <param name="VaultContract">The vault contract address.</param>
/// <param name="Block">The head block the balances were read at and the index covers.</param>
/// <param name="BlockHash">That block's hash.</param>
/// <param name="FinalizedBlock">The highest final block at that head: movements above it are tentative.</param>
/// <param name="CheckedAt">When the report was made.</param>
/// <param name="Status">Reconciled when every line is.</param>
/// <param name="Tokens">One line per collateral token of the chain, in <c>chains.json</c> order.</param>
/// <param name="Protocols">One line per protocol and collateral token the index has seen, ordered by protocol then token.</param>
[GenerateSerializer]
[Alias("mesh.chain.reconciliation")]
public sealed record ReconciliationReport(
    [property: Id(0)] string Chain,
    [property: Id(1)] string VaultContract,
    [property: Id(2)] ulong Block,
    [property: Id(3)] string BlockHash,
    [property: Id(4)] ulong FinalizedBlock,
    [property: Id(5)] DateTimeOffset CheckedAt,
    [property: Id(6)] ReconciliationStatus Status,
    [property: Id(7)] IReadOnlyList<ReconciliationLine> Tokens,
    [property: Id(8)] IReadOnlyList<ReconciliationLine> Protocols);
