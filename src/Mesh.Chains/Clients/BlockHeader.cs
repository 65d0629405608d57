namespace Mesh.Chains.Clients;

/// <summary>A block of a chain as the client sees it now (a reorganisation can replace it).</summary>
/// <param name="Number">The block number; the genesis block is 0.</param>
/// <param name="Hash">The block hash.</param>
/// <param name="ParentHash">The hash of the block before it (zero for the genesis block).</param>
/// <param name="Timestamp">The block's timestamp.</param>
public sealed record BlockHeader(ulong Number, Bytes32 Hash, Bytes32 ParentHash, DateTimeOffset Timestamp);
