using Mesh.Risk.Haircuts;
using Mesh.Risk.Portfolio;

namespace Mesh.Grains.Vaults;

/// <summary>How vaults value collateral and size margin (settings under <c>Mesh:Risk</c>).</summary>
public sealed class VaultRiskOptions
{
    /// <summary>Gets or sets the haircut model's settings.</summary>
    /// <value>The default is a 99%, one-day liquidation horizon with square-root impact.</value>
    public HaircutOptions Haircut { get; set; } = new();

    /// <summary>Gets or sets the anti-procyclicality of haircuts: a buffer on the through-the-cycle haircut and a limit on how fast a haircut rises (<see cref="AntiProcyclicalHaircut"/>).</summary>
    /// <value>The default has both tools off (EMIR asks a CCP for at least one: set <c>Buffer</c> to 0.25, or a <c>MaxRisePerHour</c>).</value>
    public AntiProcyclicalOptions AntiProcyclical { get; set; } = new();

    /// <summary>Gets or sets the scenario-margin grid.</summary>
    /// <value>The default is ±15% in 3 steps, vol ±25%, one-day horizon.</value>
    public ScenarioMarginOptions ScenarioMargin { get; set; } = new();

    /// <summary>Gets or sets the Monte Carlo paths for the exposures' expected shortfall (run when exposures change or the regime turns, not on every tick).</summary>
    /// <value>The default is 4,000.</value>
    public int ExpectedShortfallPaths { get; set; } = 4_000;

    /// <summary>Gets or sets the correlation assumed between the returns of two different underlyings.</summary>
    /// <value>The default is 0.7 (crypto assets move together in a crunch).</value>
    public double CrossAssetCorrelation { get; set; } = 0.7;

    /// <summary>Gets or sets the risk-free rate for option pricing.</summary>
    /// <value>The default is 0.</value>
    public double Rate { get; set; }

    /// <summary>Gets or sets the lower edge of the target health band: below it a vault raises a need.</summary>
    /// <value>The default is 1.25.</value>
    public double BandMin { get; set; } = 1.25;

    /// <summary>Gets or sets the upper edge of the target health band: above it collateral can be released.</summary>
    /// <value>The default is 1.6.</value>
    public double BandMax { get; set; } = 1.6;

    /// <summary>
    /// Gets or sets the haircut on the mesh's own hedge gains when they count as collateral (the positive value of the
    /// vault's perp hedges at the venue, net of what the rest of its book owes): the venue's settlement and the cost of
    /// closing the hedge. 1 counts none.
    /// </summary>
    /// <value>The default is 0.10.</value>
    public double HedgeGainHaircut { get; set; } = 0.10;

    /// <summary>Gets the market depth per asset: the USD value that trades in a day, for the impact term of haircuts.</summary>
    /// <value>The default is empty: every asset uses <see cref="DefaultDailyVolumeUsd"/>.</value>
    public Dictionary<string, double> DailyVolumeUsd { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the market depth assumed for an asset missing from <see cref="DailyVolumeUsd"/>.</summary>
    /// <value>The default is 500,000,000 USD a day.</value>
    public double DefaultDailyVolumeUsd { get; set; } = 500_000_000;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        foreach (var (section, check) in new (string, Action)[] { ("Haircut", Haircut.Validate), ("AntiProcyclical", AntiProcyclical.Validate), ("ScenarioMargin", ScenarioMargin.Validate) })
        {
            try
            {
                check();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentException($"Mesh:Risk:{section}: {e.Message}", e);
            }
        }

        if (ExpectedShortfallPaths is < 100 or > 1_000_000)
        {
            throw new ArgumentException($"Mesh:Risk:ExpectedShortfallPaths must be in [100, 1000000]; it is {ExpectedShortfallPaths}.");
        }

        if (!(CrossAssetCorrelation is >= -1.0 and <= 1.0))
        {
            throw new ArgumentException($"Mesh:Risk:CrossAssetCorrelation must be in [-1, 1]; it is {CrossAssetCorrelation}.");
        }

        if (!double.IsFinite(Rate) || Rate is < -0.5 or > 1.0)
        {
            throw new ArgumentException($"Mesh:Risk:Rate must be in [-0.5, 1]; it is {Rate}.");
        }

        if (!(HedgeGainHaircut is >= 0.0 and <= 1.0))
        {
            throw new ArgumentException($"Mesh:Risk:HedgeGainHaircut must be in [0, 1]; it is {HedgeGainHaircut}.");
        }

        foreach (var (asset, volume) in DailyVolumeUsd.Append(new("(default)", DefaultDailyVolumeUsd)))
        {
            if (!(volume > 0) || !double.IsFinite(volume))
            {
                throw new ArgumentException($"Mesh:Risk:DailyVolumeUsd:{asset} must be a positive number; it is {volume}.");
            }
        }

        if (!(BandMin > 1.0) || !(BandMax > BandMin) || !double.IsFinite(BandMax))
        {
            throw new ArgumentException($"Mesh:Risk:BandMin must exceed 1 and Mesh:Risk:BandMax must exceed BandMin; they are {BandMin} and {BandMax}.");
        }
    }
}
