namespace Mesh.Simulation.Reports;

/// <summary>The names of the rebalancing policies a simulation compares, as reports show them.</summary>
public static class PolicyNames
{
    /// <summary>Every vault sells what it wants when it wants: the fire sale.</summary>
    public const string Unbounded = "unbounded";

    /// <summary>Fixed caps set in advance, as MakerDAO's <c>Hole</c>/<c>hole</c>.</summary>
    public const string StaticCaps = "static caps";

    /// <summary>Capacity sized from live depth and volatility so the expected impact in flight stays under a bound.</summary>
    public const string Adaptive = "adaptive";

    /// <summary>Adaptive, and moving toward safer assets when the forecast regime turns, before the shock.</summary>
    public const string AdaptivePredictive = "adaptive + predictive";

    /// <summary>Gets the four policies in the order reports show them.</summary>
    public static IReadOnlyList<string> All { get; } = [Unbounded, StaticCaps, Adaptive, AdaptivePredictive];
}
