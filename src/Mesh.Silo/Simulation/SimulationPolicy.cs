using Mesh.Rebalancing;

namespace Mesh.Silo.Simulation;

/// <summary>One of the policies a simulation compares: how coordinators grant, and whether vaults shift allocations on the forecast.</summary>
/// <param name="Name">The name in reports.</param>
/// <param name="Coordinator">The coordinators' policy.</param>
/// <param name="Predictive">Vaults follow their allocation policy on the oracle's forecast regime as well.</param>
internal sealed record SimulationPolicy(string Name, RebalancePolicy Coordinator, bool Predictive)
{
    /// <summary>The four policies compared by default.</summary>
    public static IReadOnlyList<SimulationPolicy> All { get; } =
    [
        new("unbounded", RebalancePolicy.Unbounded, Predictive: false),
        new("static caps", RebalancePolicy.StaticCaps, Predictive: false),
        new("adaptive", RebalancePolicy.Adaptive, Predictive: false),
        new("adaptive + predictive", RebalancePolicy.Adaptive, Predictive: true),
    ];
}
