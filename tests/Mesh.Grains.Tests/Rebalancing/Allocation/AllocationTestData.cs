using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Oracles;
using Mesh.Risk.Volatility;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Rebalancing.Allocation;

/// <summary>Vaults, snapshots and units shared by the allocation tests.</summary>
internal static class AllocationTestData
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    internal static readonly VaultKey Vault = new("alloc", "local-a");
    internal static readonly UInt128 Weth = 1_000_000_000_000_000_000UL;
    internal static readonly UInt128 Usdc = 1_000_000;

    /// <summary>An oracle snapshot with the volatilities the policy reads (the published regime is not one of them).</summary>
    internal static OracleSnapshot Snapshot(string asset, decimal price, double? ewma, double forecast, double? longRun, bool fresh = true, bool breaker = false) =>
        new(asset, price, 1, fresh, 3, [], ewma, forecast, MarketRegime.Calm, breaker, breaker ? 1.5 : 1.0, Now, "garch", longRun);

    /// <summary>WETH at 2,000 with the given volatilities.</summary>
    internal static AllocationHolding WethHolding(UInt128 amount, double? ewma = 0.5, double forecast = 0.5, double? longRun = 0.5, decimal price = 2_000m, bool breaker = false) =>
        new("WETH", amount, 18, Snapshot("WETH", price, ewma, forecast, longRun, breaker: breaker), new VolatilityRegimeOptions());

    /// <summary>USDC at 1.</summary>
    internal static AllocationHolding UsdcHolding(UInt128 amount, decimal price = 1m) =>
        new("USDC", amount, 6, Snapshot("USDC", price, 0.01, 0.01, 0.01), new VolatilityRegimeOptions());

    /// <summary>Applies an advice at the oracle prices: the sales leave, the purchases arrive.</summary>
    internal static List<AllocationHolding> Apply(IReadOnlyList<AllocationHolding> holdings, Mesh.Rebalancing.AllocationAdvice advice) =>
        [.. holdings.Select(h => advice.Assets.FirstOrDefault(a => a.Asset == h.Asset) is { } line ? h with { Amount = h.Amount - line.Sell + line.Buy } : h)];
}
