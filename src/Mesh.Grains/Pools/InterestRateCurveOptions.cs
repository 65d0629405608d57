namespace Mesh.Grains.Pools;

/// <summary>
/// A kinked borrow-rate curve, as Aave's default strategy: below the optimal utilization the rate climbs from
/// <see cref="BaseRate"/> by <see cref="Slope1"/>; above it, by <see cref="Slope2"/> more. Rates are annual fractions
/// (0.04 is 4% a year) converted once, exactly, to RAY integers by <see cref="InterestRateCurve"/>.
/// </summary>
public sealed class InterestRateCurveOptions
{
    /// <summary>The largest borrow rate the curve may reach at full utilization, 1000% a year.</summary>
    public const decimal MaxBorrowRate = 10m;

    /// <summary>The annual borrow rate at zero utilization.</summary>
    /// <value>The default is 0 (no rate when nothing is borrowed).</value>
    public decimal BaseRate { get; set; }

    /// <summary>How much the rate rises from zero utilization to the optimal utilization.</summary>
    /// <value>The default is 0.04 (4% a year at the kink).</value>
    public decimal Slope1 { get; set; } = 0.04m;

    /// <summary>How much more the rate rises from the optimal utilization to full utilization.</summary>
    /// <value>The default is 0.75 (79% a year at full utilization with the other defaults).</value>
    public decimal Slope2 { get; set; } = 0.75m;

    /// <summary>The utilization at the kink, a fraction in (0, 1).</summary>
    /// <value>The default is 0.8.</value>
    public decimal OptimalUtilization { get; set; } = 0.8m;

    /// <summary>The share of the interest borrowers pay that goes to the protocol reserve, in [0, 1).</summary>
    /// <value>The default is 0.1.</value>
    public decimal ReserveFactor { get; set; } = 0.1m;

    /// <summary>Checks every setting, naming the first one that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a setting is out of range; the message names it.</exception>
    public void Validate()
    {
        NotNegative(BaseRate, nameof(BaseRate));
        NotNegative(Slope1, nameof(Slope1));
        NotNegative(Slope2, nameof(Slope2));
        if (OptimalUtilization <= 0m || OptimalUtilization >= 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(OptimalUtilization), OptimalUtilization, $"{nameof(OptimalUtilization)} must be in (0, 1).");
        }

        if (ReserveFactor < 0m || ReserveFactor >= 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ReserveFactor), ReserveFactor, $"{nameof(ReserveFactor)} must be in [0, 1).");
        }

        var top = BaseRate + Slope1 + Slope2;
        if (top > MaxBorrowRate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Slope2),
                top,
                $"{nameof(BaseRate)} + {nameof(Slope1)} + {nameof(Slope2)} is {top}, above the largest borrow rate {MaxBorrowRate}.");
        }
    }

    private static void NotNegative(decimal value, string name)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
        }
    }
}
