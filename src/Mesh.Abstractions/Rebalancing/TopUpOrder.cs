namespace Mesh.Rebalancing;

/// <summary>One move of collateral between two of a protocol's books on the same chain, as the desk matched it.</summary>
/// <param name="OperationId">The move's operation id in both books (<see cref="TopUpOperations.Id"/>).</param>
/// <param name="From">The giving vault's key.</param>
/// <param name="To">The receiving vault's key.</param>
/// <param name="Asset">The collateral.</param>
/// <param name="Amount">How much, in base units.</param>
[GenerateSerializer]
[Alias("mesh.topup.order")]
public sealed record TopUpOrder(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] string Asset,
    [property: Id(4)] UInt128 Amount);
