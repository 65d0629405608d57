using FsCheck;
using FsCheck.Fluent;
using Mesh.Simulation.Scenarios;

namespace Mesh.Simulation.Tests.Scenarios;

/// <summary>The default fire sale: −35% in 30 minutes while depth contracts 70%, then a tail; deterministic per seed.</summary>
public sealed class DefaultScenarioTests
{
    [Fact]
    public void Create_Defaults_ThirtyFivePercentDownAndDepthAtThirtyPercentAtThirtyMinutes()
    {
        var sut = DefaultScenario.Create();

        var bottom = sut.At(TimeSpan.FromMinutes(30));
        Assert.Equal(TimeSpan.FromMinutes(30), bottom.Offset);
        Assert.Equal(1_950.00m, bottom.Price);
        Assert.Equal(0.3, bottom.DepthMultiplier, 9);
        Assert.Equal(3_000m, sut.StartPrice);
        Assert.Equal(1.0, sut.Steps[0].DepthMultiplier);
    }

    [Fact]
    public void Create_Defaults_AStepEveryFifteenSecondsForFortyFiveMinutes()
    {
        var sut = DefaultScenario.Create();

        Assert.Equal(181, sut.Steps.Count);
        Assert.All(sut.Steps.Zip(sut.Steps.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(15), p.Second.Offset - p.First.Offset));
        Assert.Equal(TimeSpan.FromMinutes(45), sut.Duration);
    }

    [Fact]
    public void Create_Defaults_TailWinsBackAFifthOfTheFallAndHalfTheDepth()
    {
        var end = DefaultScenario.Create().Steps[^1];

        Assert.Equal(2_160.00m, end.Price); // 3,000 × (1 − 0.35 + 0.35 × 0.2)
        Assert.Equal(0.65, end.DepthMultiplier, 9);
    }

    [Fact]
    public void Create_Defaults_DepthOnlyContractsInTheCrashAndOnlyRecoversInTheTail()
    {
        var steps = DefaultScenario.Create().Steps;
        var crash = steps.TakeWhile(s => s.Offset <= TimeSpan.FromMinutes(30)).ToList();
        var tail = steps.SkipWhile(s => s.Offset < TimeSpan.FromMinutes(30)).ToList();

        Assert.All(crash.Zip(crash.Skip(1)), p => Assert.True(p.Second.DepthMultiplier <= p.First.DepthMultiplier));
        Assert.All(tail.Zip(tail.Skip(1)), p => Assert.True(p.Second.DepthMultiplier >= p.First.DepthMultiplier));
    }

    [Fact]
    public void Create_Defaults_NoiseStaysCloseToTheSmoothPathAndIsNotZero()
    {
        var sut = DefaultScenario.Create(new DefaultScenarioOptions { TailDuration = TimeSpan.Zero });
        var quiet = DefaultScenario.Create(new DefaultScenarioOptions { TailDuration = TimeSpan.Zero, NoisePerStep = 0 });

        var deviations = sut.Steps.Zip(quiet.Steps, (noisy, smooth) => Math.Abs(Math.Log((double)noisy.Price / (double)smooth.Price))).ToList();
        Assert.True(deviations.Max() < 0.06, $"max deviation {deviations.Max()}");
        Assert.True(deviations.Max() > 0.002, "the path has no noise");
        Assert.All(quiet.Steps.Zip(quiet.Steps.Skip(1)), p => Assert.True(p.Second.Price <= p.First.Price));
    }

    [Fact]
    public void Create_SameSeed_SamePath_OtherSeed_OtherPath()
    {
        var a = DefaultScenario.Create(new DefaultScenarioOptions { Seed = 7 });
        var b = DefaultScenario.Create(new DefaultScenarioOptions { Seed = 7 });
        var c = DefaultScenario.Create(new DefaultScenarioOptions { Seed = 8 });

        Assert.Equal(a.Steps, b.Steps);
        Assert.NotEqual(a.Steps, c.Steps);
        Assert.Equal(a.At(TimeSpan.FromMinutes(30)).Price, c.At(TimeSpan.FromMinutes(30)).Price);
    }

    [Fact]
    public void Create_AnySeedAndShape_PricesPositiveAndTheBottomExact()
    {
        var shapes = from seed in Gen.Choose(0, int.MaxValue)
                     from dropPercent in Gen.Choose(5, 80)
                     from noise in Gen.Choose(0, 10)
                     select (seed, dropPercent / 100.0, noise / 1_000.0);
        Prop.ForAll(shapes.ToArbitrary(), shape =>
        {
            var (seed, drop, noise) = shape;
            var sut = DefaultScenario.Create(new DefaultScenarioOptions { Seed = seed, Drop = drop, NoisePerStep = noise });
            var expectedBottom = decimal.Round((decimal)(3_000 * (1 - drop)), 2);
            return sut.Steps.All(s => s.Price > 0m) && Math.Abs(sut.At(TimeSpan.FromMinutes(30)).Price - expectedBottom) <= 0.01m;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Create_SettingOutOfRange_NamesIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DefaultScenario.Create(new DefaultScenarioOptions { CrashDuration = TimeSpan.FromSeconds(20) }));

        Assert.Contains("DefaultScenario:CrashDuration", e.Message, StringComparison.Ordinal);
    }
}
