using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Haircuts;

namespace Mesh.Risk.Tests.Haircuts;

public sealed class AntiProcyclicalHaircutTests
{
    private static readonly AntiProcyclicalOptions Emir = new() { Buffer = 0.25, MaxRisePerHour = 0.05 };

    [Theory]
    // Calm: the model's 6% is below the through-the-cycle 8%; the floor is 8% × 1.25 = 10%.
    [InlineData(0.06, 0.08, 0.10)]
    // A rise uses up the buffer first: the model's 9.5% still gives the buffered 10%.
    [InlineData(0.095, 0.08, 0.10)]
    // Past the buffer the model's haircut holds.
    [InlineData(0.14, 0.08, 0.14)]
    public void Apply_BufferOnTheThroughTheCycleHaircut_FloorsAndIsUsedUpFirst(double model, double throughTheCycle, double expected)
    {
        var sut = AntiProcyclicalHaircut.Apply(model, throughTheCycle, previous: null, TimeSpan.Zero, Emir);

        Assert.Equal(expected, sut, 1e-12);
    }

    [Fact]
    public void Apply_ModelJumpsFromTenToThirtyPercent_RisesFiveHaircutPointsAnHour()
    {
        // The forecast jumps: the model asks 30% half an hour after 10% was applied; 10% + 0.05 × 0.5 h = 12.5%.
        var sut = AntiProcyclicalHaircut.Apply(0.30, 0.08, previous: 0.10, TimeSpan.FromMinutes(30), Emir);

        Assert.Equal(0.125, sut, 1e-12);
    }

    [Fact]
    public void Apply_LimitBindsForFourHours_ReachesTheModelThen()
    {
        var applied = 0.10;
        for (var hour = 0; hour < 5; hour++)
        {
            applied = AntiProcyclicalHaircut.Apply(0.30, 0.08, applied, TimeSpan.FromHours(1), Emir);
        }

        Assert.Equal(0.30, applied, 1e-12);
    }

    [Fact]
    public void Apply_ModelFalls_IsTakenAtOnceDownToTheFloor()
    {
        Assert.Equal(0.12, AntiProcyclicalHaircut.Apply(0.12, 0.08, previous: 0.20, TimeSpan.FromMinutes(1), Emir), 1e-12);
        Assert.Equal(0.10, AntiProcyclicalHaircut.Apply(0.03, 0.08, previous: 0.20, TimeSpan.FromMinutes(1), Emir), 1e-12);
    }

    [Fact]
    public void Apply_NoPreviousHaircut_TakesTheModelsWhole()
    {
        // A first valuation (or one after the vault was activated again) has nothing to limit from: the cautious side.
        Assert.Equal(0.30, AntiProcyclicalHaircut.Apply(0.30, 0.08, previous: null, TimeSpan.Zero, Emir), 1e-12);
    }

    [Fact]
    public void Apply_ToolsOff_IsTheModel()
    {
        Assert.Equal(0.30, AntiProcyclicalHaircut.Apply(0.30, 0.08, previous: 0.10, TimeSpan.FromMinutes(1), new AntiProcyclicalOptions()), 1e-12);
    }

    [Fact]
    public void Apply_HaircutOutsideZeroToOne_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AntiProcyclicalHaircut.Apply(1.2, 0.08, null, TimeSpan.Zero, Emir));

        Assert.Equal("model", error.ParamName);
    }

    [Theory]
    [InlineData(-0.1, null, "Buffer")]
    [InlineData(1.5, null, "Buffer")]
    [InlineData(0.25, 0.0, "MaxRisePerHour")]
    [InlineData(0.25, double.PositiveInfinity, "MaxRisePerHour")]
    public void Validate_OutOfRange_NamesTheSetting(double buffer, double? rise, string named)
    {
        var sut = new AntiProcyclicalOptions { Buffer = buffer, MaxRisePerHour = rise };

        var error = Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AnyInputs_NeverAboveTheModelOrFloorAndNeverRisesFasterThanTheLimit()
    {
        var unit = Gen.Choose(0, 1_000).Select(i => i / 1_000.0);
        Prop.ForAll(Arb.From(Gen.Zip(Gen.Zip(unit, unit), Gen.Zip(unit, Gen.Choose(0, 600)))), t =>
        {
            var ((model, throughTheCycle), (previous, minutes)) = t;
            var sut = AntiProcyclicalHaircut.Apply(model, throughTheCycle, previous, TimeSpan.FromMinutes(minutes), Emir);
            var target = Math.Max(model, Math.Min(1, throughTheCycle * 1.25));
            return sut <= target + 1e-12 && sut <= Math.Max(previous, target > previous ? previous + (0.05 * minutes / 60.0) : target) + 1e-12 && sut >= 0;
        }).QuickCheckThrowOnFailure();
    }
}
