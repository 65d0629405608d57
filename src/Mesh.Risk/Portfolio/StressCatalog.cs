namespace Mesh.Risk.Portfolio;

/// <summary>Standard named stress scenarios.</summary>
public static class StressCatalog
{
    /// <summary>Gets "ETH −40%, vol ×2, correlations → 0.9".</summary>
    public static StressScenario EthCrash { get; } =
        new("ETH −40%, vol ×2, correlations → 0.9", new Dictionary<string, double> { ["ETH"] = -0.40 }, 2.0, 0.9);

    /// <summary>Gets "BTC −30%, vol ×1.5, correlations → 0.8".</summary>
    public static StressScenario BtcCrash { get; } =
        new("BTC −30%, vol ×1.5, correlations → 0.8", new Dictionary<string, double> { ["BTC"] = -0.30 }, 1.5, 0.8);

    /// <summary>Gets "BTC −50%, ETH −60%, vol ×2.5, correlations → 0.95".</summary>
    public static StressScenario CryptoCrash { get; } =
        new("BTC −50%, ETH −60%, vol ×2.5, correlations → 0.95", new Dictionary<string, double> { ["BTC"] = -0.50, ["ETH"] = -0.60 }, 2.5, 0.95);

    /// <summary>Gets "Vol ×3, prices unchanged".</summary>
    public static StressScenario VolSpike { get; } =
        new("Vol ×3, prices unchanged", new Dictionary<string, double>(), 3.0);

    /// <summary>Gets every scenario of the catalog.</summary>
    public static IReadOnlyList<StressScenario> All { get; } = [EthCrash, BtcCrash, CryptoCrash, VolSpike];
}
