using Mesh.Vaults;

namespace Mesh.Audit;

/// <summary>An operation in flight, as the audit counted it.</summary>
/// <param name="Vault">The vault.</param>
/// <param name="OperationId">The operation.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">Its amount.</param>
/// <param name="Stage">Where it is: <c>recorded</c> (only the vault has it), <c>applied</c> (the pool or the chain has applied it, the vault not yet); for a transfer, <c>locked</c>, <c>refunded</c> (source) or <c>released</c> (destination) by the chain's record.</param>
/// <param name="InTransit">What it adds to the chain's in-transit amount.</param>
[GenerateSerializer]
[Alias("mesh.audit.in-flight")]
public sealed record InFlightOperation(
    [property: Id(0)] string Vault,
    [property: Id(1)] string OperationId,
    [property: Id(2)] OperationKind Kind,
    [property: Id(3)] string Asset,
    [property: Id(4)] UInt128 Amount,
    [property: Id(5)] string Stage,
    [property: Id(6)] UInt128 InTransit);
