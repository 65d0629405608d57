namespace Mesh.Chains;

/// <summary>One chain as the mesh sees it: configuration, head, finality, RPC health and inventory.</summary>
/// <param name="Name">The chain name.</param>
/// <param name="ChainId">The EIP-155 chain id.</param>
/// <param name="Confirmations">How many blocks on top of a block make it final.</param>
/// <param name="BlockTime">The expected time between blocks.</param>
/// <param name="RpcEndpointCount">How many RPC endpoints are configured.</param>
/// <param name="RpcEndpoints">The endpoints with every possible secret removed: scheme, host and port only (credentials, path, query and fragment are not shown).</param>
/// <param name="Head">The latest head seen; null until the chain first answered.</param>
/// <param name="FinalizedNumber">The number of the latest finalized block seen; null until the chain first answered.</param>
/// <param name="HeadAge">How old the head block's timestamp is by the mesh's clock (never negative); null without a head.</param>
/// <param name="Health">The health classification.</param>
/// <param name="HealthReason">Why the chain has that health, for a person.</param>
/// <param name="HealthSince">When the health last changed (or the grain activated).</param>
/// <param name="LastErrorCode">The stable code of the latest failed call or rejected answer (<c>chain.timeout</c>, <c>chain.invalid_response</c>...), if any.</param>
/// <param name="LastError">The message of the latest failure, if any.</param>
/// <param name="LastErrorAt">When the latest failure happened, if any.</param>
/// <param name="RpcSuccesses">Successful RPC calls within <paramref name="RpcWindow"/>.</param>
/// <param name="RpcFailures">Failed calls and rejected answers within <paramref name="RpcWindow"/>.</param>
/// <param name="RpcWindow">The recent window the counts cover.</param>
/// <param name="InvalidResponses">Answers rejected as invalid since the grain activated (head going back without a reorganisation, absurd timestamps...).</param>
/// <param name="Reorgs">Reorganisations seen on this chain, ever.</param>
/// <param name="LastReorgDepth">How many blocks the latest reorganisation replaced, if any.</param>
/// <param name="LastReorgAt">When the latest reorganisation was seen, if any.</param>
/// <param name="Inventory">The vault contract's balance per collateral token at <see cref="ChainInventory.Block"/>; null until first read.</param>
/// <param name="CheckedAt">When the grain last polled the chain.</param>
[GenerateSerializer]
[Alias("mesh.chain.status")]
public sealed record ChainStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] ulong ChainId,
    [property: Id(2)] int Confirmations,
    [property: Id(3)] TimeSpan BlockTime,
    [property: Id(4)] int RpcEndpointCount,
    [property: Id(5)] IReadOnlyList<string> RpcEndpoints,
    [property: Id(6)] ChainHead? Head,
    [property: Id(7)] ulong? FinalizedNumber,
    [property: Id(8)] TimeSpan? HeadAge,
    [property: Id(9)] ChainHealth Health,
    [property: Id(10)] string HealthReason,
    [property: Id(11)] DateTimeOffset HealthSince,
    [property: Id(12)] string? LastErrorCode,
    [property: Id(13)] string? LastError,
    [property: Id(14)] DateTimeOffset? LastErrorAt,
    [property: Id(15)] int RpcSuccesses,
    [property: Id(16)] int RpcFailures,
    [property: Id(17)] TimeSpan RpcWindow,
    [property: Id(18)] long InvalidResponses,
    [property: Id(19)] long Reorgs,
    [property: Id(20)] int? LastReorgDepth,
    [property: Id(21)] DateTimeOffset? LastReorgAt,
    [property: Id(22)] ChainInventory? Inventory,
    [property: Id(23)] DateTimeOffset? CheckedAt);
