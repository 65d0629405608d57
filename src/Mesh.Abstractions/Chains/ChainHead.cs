namespace Mesh.Chains;

/// <summary>A block as the mesh last saw it.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Hash">The block hash: <c>0x</c> and 64 lower-case hex digits.</param>
/// <param name="Timestamp">The block's timestamp.</param>
[GenerateSerializer]
[Alias("mesh.chain.head")]
public sealed record ChainHead(
    [property: Id(0)] ulong Number,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset Timestamp);
