namespace Mesh.Grains.Rebalancing;

/// <summary>Names of the services the coordinators resolve.</summary>
public static class RebalancingServices
{
    /// <summary>
    /// The key of the <see cref="TimeProvider"/> the coordinators read deadlines from (a keyed service; by default the
    /// registered <see cref="TimeProvider"/>), so that a test can drive their clock without driving Orleans' own.
    /// </summary>
    public const string ClockKey = "mesh.rebalancing.clock";
}
