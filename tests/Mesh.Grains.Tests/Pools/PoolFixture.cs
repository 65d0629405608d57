using System.Text.Json;
using Mesh.Grains.Pools;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Pools;

/// <summary>A ledger on a fake clock with generous caps, for the ledger tests.</summary>
internal sealed class PoolFixture
{
    public PoolFixture(int shareDecimalsOffset = 0, InterestRateCurveOptions? curve = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Sut = new PoolLedger(PoolLedger.NewState(Clock.GetUtcNow(), OpenCaps(), shareDecimalsOffset), new InterestRateCurve(curve ?? new InterestRateCurveOptions()));
    }

    public FakeTimeProvider Clock { get; }

    public PoolLedger Sut { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Caps that only liquidity binds: full utilization, every risk factor unbounded.</summary>
    public static PoolCaps OpenCaps() => new()
    {
        UtilizationCapWad = FixedPoint.Wad,
        DefaultRiskFactorCap = new RiskFactorCap { Absolute = UInt128.MaxValue, RelativeWad = FixedPoint.Wad },
    };

    public static string Json(PoolState state) => JsonSerializer.Serialize(state);

    public CreditDecision Draw(string vault, UInt128 amount, string chain = "a", bool partial = false, params string[] factors) =>
        Sut.Draw(new CreditRequest(vault, vault.Split('/')[0], chain, amount, factors.Length == 0 ? ["eth"] : factors, partial), Now);
}
