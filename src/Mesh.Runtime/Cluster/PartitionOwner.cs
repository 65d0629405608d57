namespace Mesh.Runtime.Cluster;

/// <summary>Who owns one partition, as last read from the lease table.</summary>
/// <param name="SiloId">The owner, or <see langword="null"/> when unowned or expired.</param>
/// <param name="Endpoint">The owner's silo endpoint (scheme, host, port).</param>
/// <param name="Epoch">The lease epoch.</param>
internal sealed record PartitionOwner(string? SiloId, Uri? Endpoint, long Epoch);
