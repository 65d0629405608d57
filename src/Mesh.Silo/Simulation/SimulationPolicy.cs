using Mesh.Rebalancing;

namespace Mesh.Silo.Simulation;

/// <summary>One of the policies a simulation compares: how coordinators grant, and whether vaults shift allocations on the forecast.</summary>
/// <param name="Name">The name in reports.</param>
/// <param name="Coordinator">The coordinators' policy.</param>
/// <param name="Predictive">Vaults follow their allocation policy on the oracle's forecast regime as well.</param>
/// <param name="Hedge">Vaults keep their net delta in band with perp hedges, under the coordinator's grants (the mesh's delta neutrality).</param>
/// <param name="TopUps">Each protocol's books on a chain share collateral before they sell (<see cref="Mesh.Vaults.RebalanceSettings.TopUps"/>).</param>
internal sealed record SimulationPolicy(string Name, RebalancePolicy Coordinator, bool Predictive, bool Hedge = false, bool TopUps = false)
{
    /// <summary>The adaptive coordinator with vaults that also hedge their delta with perps (not run by default; it shows what the hedges do).</summary>
    public static SimulationPolicy WithHedges { get; } = new("adaptive + hedges", RebalancePolicy.Adaptive, Predictive: false, Hedge: true, TopUps: true);

    /// <summary>The four policies compared by default. The adaptive ones are the mesh's: sales bounded by the impact bound and weighed for their spillover onto the rest of the mesh.</summary>
    public static IReadOnlyList<SimulationPolicy> Default { get; } =
    [
        new("unbounded", RebalancePolicy.Unbounded, Predictive: false),
        new("static caps", RebalancePolicy.StaticCaps, Predictive: false),
        new("adaptive", RebalancePolicy.Adaptive, Predictive: false, TopUps: true),
        new("adaptive + predictive", RebalancePolicy.Adaptive, Predictive: true, TopUps: true),
    ];

    /// <summary>Every policy <c>--policy</c> can name, in the order reports show them.</summary>
    public static IReadOnlyList<SimulationPolicy> All { get; } =
    [
        .. Default,
        WithHedges,
        new("unbounded + top-ups", RebalancePolicy.Unbounded, Predictive: false, TopUps: true),
        new("static caps + top-ups", RebalancePolicy.StaticCaps, Predictive: false, TopUps: true),
    ];
}
