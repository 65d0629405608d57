namespace Mesh.Silo.Tests.Cluster;

/// <summary>One silo's row in the membership table (<c>mesh_cluster_silos</c>).</summary>
/// <param name="Port">The silo port.</param>
/// <param name="Generation">The silo's generation (a restarted silo has a new one).</param>
/// <param name="Status">Orleans' status name (<c>Active</c>, <c>Dead</c>, ...).</param>
/// <param name="SuspectTimes">The death votes against it, as Orleans formats them; null when none.</param>
internal sealed record MembershipRow(int Port, int Generation, string Status, string? SuspectTimes);
