namespace Mesh.Rebalancing;

/// <summary>How a coordinator sizes and orders grants.</summary>
public enum RebalancePolicy
{
    /// <summary>Every request is granted in full at once (what happens without a mesh: every vault sells together).</summary>
    Unbounded = 0,

    /// <summary>MakerDAO Liquidations 2.0's static caps: a global cap (<c>Hole</c>) and a cap per market (<c>ilk.hole</c>) on value in flight, partial grants and the dust rule, first come first served.</summary>
    StaticCaps = 1,

    /// <summary>The mesh's coordinator: the static caps, plus capacity sized from live depth and volatility so that the expected impact of what is in flight stays under a bound, a refilling flow budget, most urgent first and a fair share per protocol.</summary>
    Adaptive = 2,
}
