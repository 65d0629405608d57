using Mesh.Simulation.Scenarios;

namespace Mesh.Simulation.Tests.Scenarios;

/// <summary>The scenario's rules and look-ups.</summary>
public sealed class ScenarioTests
{
    private static readonly Scenario Sut = new(
        "s",
        [new(TimeSpan.Zero, 100m), new(TimeSpan.FromSeconds(10), 90m, 0.5), new(TimeSpan.FromSeconds(20), 80m, 0.4), new(TimeSpan.FromSeconds(30), 85m, 0.6)],
        "hand-made");

    [Theory]
    [InlineData(-5, 100)]
    [InlineData(0, 100)]
    [InlineData(9.9, 100)]
    [InlineData(10, 90)]
    [InlineData(25, 80)]
    [InlineData(30, 85)]
    [InlineData(3_600, 85)]
    public void At_AnOffset_TheLastStepAtOrBeforeIt(double seconds, int expectedPrice)
    {
        Assert.Equal(expectedPrice, Sut.At(TimeSpan.FromSeconds(seconds)).Price);
    }

    [Fact]
    public void Properties_DurationStartPriceAndTrough()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Sut.Duration);
        Assert.Equal(100m, Sut.StartPrice);
        Assert.Equal(TimeSpan.FromSeconds(20), Sut.Trough.Offset);
    }

    [Fact]
    public void WithTimeScale_Ten_DividesEveryOffset()
    {
        var fast = Sut.WithTimeScale(10);

        Assert.Equal([0, 1, 2, 3], fast.Steps.Select(s => s.Offset.TotalSeconds));
        Assert.Equal(Sut.Steps.Select(s => (s.Price, s.DepthMultiplier)), fast.Steps.Select(s => (s.Price, s.DepthMultiplier)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sut.WithTimeScale(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sut.WithTimeScale(1e12));
    }

    [Fact]
    public void Constructor_BrokenSteps_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Scenario("s", [], "x"));
        Assert.Throws<ArgumentException>(() => new Scenario("s", [new(TimeSpan.FromSeconds(1), 1m)], "x"));
        Assert.Throws<ArgumentException>(() => new Scenario("s", [new(TimeSpan.Zero, 1m), new(TimeSpan.Zero, 2m)], "x"));
        Assert.Throws<ArgumentException>(() => new Scenario("s", [new(TimeSpan.Zero, 0m)], "x"));
        Assert.Throws<ArgumentException>(() => new Scenario("s", [new(TimeSpan.Zero, 1m, double.NaN)], "x"));
    }
}
