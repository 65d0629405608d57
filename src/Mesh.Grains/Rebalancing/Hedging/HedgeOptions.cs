using System.Globalization;

namespace Mesh.Grains.Rebalancing.Hedging;

/// <summary>
/// Delta-neutrality advice (settings under <c>Mesh:Rebalancing:Hedge</c>): how far a vault's net delta per underlying
/// may stray before a perp hedge is advised, and the smallest hedge worth placing. The band in USD is the largest of
/// <see cref="BandFraction"/> × collateral value, <see cref="BandUsd"/> and <see cref="MinimumHedgeUsd"/>, so that any
/// hedge advised is at least the minimum and brings the net delta back to zero, inside the band.
/// </summary>
public sealed class HedgeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Mesh:Rebalancing:Hedge";

    /// <summary>Gets or sets the band as a fraction of the vault's collateral value (before haircuts); 0 for none.</summary>
    /// <value>The default is 0.05 (a net delta worth up to 5% of the collateral is left alone).</value>
    public double BandFraction { get; set; } = 0.05;

    /// <summary>Gets or sets the band as an absolute USD value; 0 for none.</summary>
    /// <value>The default is 0.</value>
    public double BandUsd { get; set; }

    /// <summary>Gets or sets the smallest hedge worth placing, USD notional; the band is never narrower.</summary>
    /// <value>The default is 1,000 USD.</value>
    public double MinimumHedgeUsd { get; set; } = 1_000;

    /// <summary>The band for a vault.</summary>
    /// <param name="collateralValueUsd">The vault's collateral value, USD.</param>
    /// <returns>The band, USD.</returns>
    public double Band(double collateralValueUsd) => Math.Max(Math.Max(BandFraction * collateralValueUsd, BandUsd), MinimumHedgeUsd);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(BandFraction is >= 0.0 and <= 1.0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:BandFraction must be in [0, 1]; it is {BandFraction}."));
        }

        foreach (var (name, value) in new[] { ("BandUsd", BandUsd), ("MinimumHedgeUsd", MinimumHedgeUsd) })
        {
            if (!(value >= 0.0) || !double.IsFinite(value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:{name} must be a finite number >= 0; it is {value}."));
            }
        }

        if (BandFraction == 0.0 && BandUsd == 0.0 && MinimumHedgeUsd == 0.0)
        {
            throw new ArgumentException($"{Section}:BandFraction, BandUsd and MinimumHedgeUsd are all 0: the band would be empty and every unit of delta hedged; set one of them.");
        }
    }
}
