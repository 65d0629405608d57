namespace Mesh.Risk.Portfolio;

/// <summary>Grid settings for <see cref="ScenarioMargin"/> (SPAN-like scanning risk).</summary>
public sealed class ScenarioMarginOptions
{
    /// <summary>Gets or sets the price scan range as a fraction of spot (the largest regular move).</summary>
    /// <value>The default is 0.15 (±15%).</value>
    public double PriceScanRange { get; set; } = 0.15;

    /// <summary>Gets or sets the number of price steps on each side of zero (SPAN uses 3: 1/3, 2/3, 3/3 of the range).</summary>
    /// <value>The default is 3.</value>
    public int PriceSteps { get; set; } = 3;

    /// <summary>Gets or sets the relative implied-volatility move applied up and down in every price scenario.</summary>
    /// <value>The default is 0.25 (vols × 0.75 and × 1.25).</value>
    public double VolScanRange { get; set; } = 0.25;

    /// <summary>Gets or sets the extreme move as a multiple of the price scan range.</summary>
    /// <value>The default is 2 (SPAN's extreme scenarios).</value>
    public double ExtremeMoveMultiple { get; set; } = 2.0;

    /// <summary>Gets or sets the fraction of the extreme-move loss that counts towards margin.</summary>
    /// <value>The default is 0.35 (as in SPAN).</value>
    public double ExtremeCoverFraction { get; set; } = 0.35;

    /// <summary>Gets or sets the time elapsed in each scenario, in days (options lose this much time).</summary>
    /// <value>The default is 1.</value>
    public double HorizonDays { get; set; } = 1.0;

    /// <summary>Gets or sets the days per year.</summary>
    /// <value>The default is 365.</value>
    public double DaysPerYear { get; set; } = 365.0;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its domain; the message names it.</exception>
    public void Validate()
    {
        if (!(PriceScanRange > 0 && PriceScanRange * ExtremeMoveMultiple < 1) || PriceSteps < 1 || !(VolScanRange >= 0 && VolScanRange < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PriceScanRange), $"{nameof(ScenarioMarginOptions)}: need 0 < {nameof(PriceScanRange)}×{nameof(ExtremeMoveMultiple)} < 1, {nameof(PriceSteps)} ≥ 1, 0 ≤ {nameof(VolScanRange)} < 1.");
        }

        if (!(ExtremeCoverFraction >= 0 && ExtremeCoverFraction <= 1) || !(HorizonDays >= 0) || !(DaysPerYear > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ExtremeCoverFraction), $"{nameof(ScenarioMarginOptions)}: need 0 ≤ {nameof(ExtremeCoverFraction)} ≤ 1, {nameof(HorizonDays)} ≥ 0, {nameof(DaysPerYear)} > 0.");
        }
    }
}
