namespace Mesh.Grains.Pools;

/// <summary>
/// The validated, integer form of <see cref="InterestRateCurveOptions"/>: every rate and fraction in RAY (10^27), so
/// that the rates and the accrual built on them are exact and the same on every silo.
/// </summary>
internal sealed class InterestRateCurve
{
    /// <summary>Validates the options and converts them to RAY once.</summary>
    /// <param name="options">The curve settings.</param>
    /// <exception cref="ArgumentOutOfRangeException">When a setting is out of range; the message names it.</exception>
    public InterestRateCurve(InterestRateCurveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        BaseRateRay = FixedPoint.ToRay(options.BaseRate);
        Slope1Ray = FixedPoint.ToRay(options.Slope1);
        Slope2Ray = FixedPoint.ToRay(options.Slope2);
        OptimalUtilizationRay = FixedPoint.ToRay(options.OptimalUtilization);
        ReserveFactorRay = FixedPoint.ToRay(options.ReserveFactor);
    }

    /// <summary>The annual borrow rate at zero utilization, in RAY.</summary>
    public UInt128 BaseRateRay { get; }

    /// <summary>The rise from zero to the optimal utilization, in RAY.</summary>
    public UInt128 Slope1Ray { get; }

    /// <summary>The rise from the optimal to full utilization, in RAY.</summary>
    public UInt128 Slope2Ray { get; }

    /// <summary>The utilization at the kink, in RAY.</summary>
    public UInt128 OptimalUtilizationRay { get; }

    /// <summary>The reserve's share of the interest, in RAY.</summary>
    public UInt128 ReserveFactorRay { get; }

    /// <summary>
    /// The annual borrow rate at a utilization, rounded up (borrowers pay at least the curve):
    /// base + slope1 × u / optimal below the kink, base + slope1 + slope2 × (u − optimal) / (1 − optimal) above it.
    /// </summary>
    /// <param name="utilizationRay">The utilization in RAY; values above one are treated as one.</param>
    /// <returns>The annual borrow rate in RAY.</returns>
    public UInt128 BorrowRateRay(UInt128 utilizationRay)
    {
        var u = UInt128.Min(utilizationRay, FixedPoint.Ray);
        if (u <= OptimalUtilizationRay)
        {
            return BaseRateRay + FixedPoint.MulDiv(Slope1Ray, u, OptimalUtilizationRay, Rounding.Ceiling);
        }

        var excess = FixedPoint.MulDiv(
            Slope2Ray, u - OptimalUtilizationRay, FixedPoint.Ray - OptimalUtilizationRay, Rounding.Ceiling);
        return BaseRateRay + Slope1Ray + excess;
    }

    /// <summary>
    /// The annual rate lenders earn at a utilization, rounded down: borrow rate × utilization × (1 − reserve factor).
    /// It is what the accrual pays lenders on average; the ledger pays them exactly what borrowers were charged
    /// less the reserve's share.
    /// </summary>
    /// <param name="utilizationRay">The utilization in RAY; values above one are treated as one.</param>
    /// <returns>The annual supply rate in RAY.</returns>
    public UInt128 LiquidityRateRay(UInt128 utilizationRay)
    {
        var u = UInt128.Min(utilizationRay, FixedPoint.Ray);
        var gross = FixedPoint.RayMul(BorrowRateRay(u), u, Rounding.Floor);
        return FixedPoint.RayMul(gross, FixedPoint.Ray - ReserveFactorRay, Rounding.Floor);
    }
}
