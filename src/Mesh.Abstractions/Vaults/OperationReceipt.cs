namespace Mesh.Vaults;

/// <summary>The state of one value-moving operation.</summary>
/// <param name="OperationId">The operation's id.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">Amount in base units.</param>
/// <param name="Status">Pending, completed or failed.</param>
/// <param name="Reason">Why it failed (a stable code), if it did.</param>
/// <param name="ChainTransaction">The chain transaction, for deposits and withdrawals once submitted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
[GenerateSerializer]
[Alias("mesh.vault.receipt")]
public sealed record OperationReceipt(
    [property: Id(0)] string OperationId,
    [property: Id(1)] OperationKind Kind,
    [property: Id(2)] string Asset,
    [property: Id(3)] UInt128 Amount,
    [property: Id(4)] OperationStatus Status,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? ChainTransaction,
    [property: Id(7)] DateTimeOffset UpdatedAt);
