namespace Mesh.Pools;

/// <summary>A protocol moving liquidity between its vault and a pool, as a lender.</summary>
/// <param name="OperationId">The vault's operation id: asking again with it returns the first answer and never counts twice.</param>
/// <param name="HolderId">The lender (the protocol id).</param>
/// <param name="Chain">The chain the liquidity sits on.</param>
/// <param name="Amount">For a supply, assets in base units; for a redemption, shares.</param>
/// <param name="Vault">The vault the liquidity moves from or to: its operation ids are its own, and the pool answers them per vault. Null: they are the holder's.</param>
[GenerateSerializer]
[Alias("mesh.pool.liquidity-request")]
public sealed record LiquidityRequest(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string HolderId,
    [property: Id(2)] string Chain,
    [property: Id(3)] UInt128 Amount,
    [property: Id(4)] string? Vault = null);
