using System.Text.Json;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class PoolStateJsonTests
{
    [Fact]
    public void Serialize_BusyPool_RoundTripsWithoutTypeNamesAndKeepsWorking()
    {
        var f = new PoolFixture(shareDecimalsOffset: 6);
        f.Sut.Deposit("lp1", "a", UInt128.MaxValue / 1_000_000_000_000, f.Now);
        f.Sut.Deposit("lp2", "b", 123_456_789, f.Now);
        f.Draw("p1/a", 1_000_000_000_000, "a", false, "eth", "oracle-x");
        var caps = PoolFixture.OpenCaps();
        caps.ProtocolCaps["p1"] = UInt128.MaxValue;
        caps.DefaultProtocolCap = 42;
        f.Sut.SetCaps(caps);
        f.Clock.Advance(TimeSpan.FromDays(3));
        f.Sut.Recall("p1/a", 7, f.Now);

        var json = JsonSerializer.Serialize(f.Sut.State);
        var sut = JsonSerializer.Deserialize<PoolState>(json)!;

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.Contains($"\"TotalShares\":{f.Sut.State.TotalShares}", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(sut));
        var reloaded = new PoolLedger(sut, new InterestRateCurve(new InterestRateCurveOptions()));
        reloaded.CheckInvariants();
        f.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(f.Sut.DebtOf("p1/a", f.Now), reloaded.DebtOf("p1/a", f.Now));
        Assert.Equal(f.Sut.View(f.Now), reloaded.View(f.Now));
    }
}
