namespace Mesh.Runtime.Cluster;

/// <summary>A member of the cluster as the membership table lists it.</summary>
/// <param name="SiloId">The silo's id.</param>
/// <param name="Address">The host other silos reach it at.</param>
/// <param name="Port">Its HTTP/2 silo port.</param>
/// <param name="Generation">Its start time (Unix ms): a restarted silo is a new generation.</param>
/// <param name="Status">joining, active, leaving or dead.</param>
/// <param name="HeartbeatAge">How long ago (database clock) it last wrote a heartbeat.</param>
/// <param name="Partitions">How many partitions it holds an unexpired lease on.</param>
public sealed record SiloInfo(string SiloId, string Address, int Port, long Generation, string Status, TimeSpan HeartbeatAge, int Partitions);
