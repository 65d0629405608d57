using System.Numerics;

namespace Mesh.Grains.Pools;

/// <summary>
/// Index arithmetic in RAY. A borrow index compounds every second at the annual rate / <see cref="FixedPoint.SecondsPerYear"/>:
/// (1 + r / year)^seconds by repeated squaring, without Aave's three-term binomial truncation (which undercharges),
/// every product rounded up so that borrowers owe at least the exact per-second compounding. A liquidity index grows
/// linearly, as Aave's does, rounded down. Both are deterministic integer functions of their inputs and never
/// decrease. An index in RAY fits 128 bits up to a growth of about 3.4 × 10^11 (e^26: 33 years at 79% a year);
/// beyond that accrual throws <see cref="OverflowException"/> rather than wrap.
/// </summary>
internal static class InterestIndex
{
    /// <summary>The growth factor (1 + rate / year)^seconds in RAY, rounded up.</summary>
    /// <param name="annualRateRay">The annual borrow rate in RAY.</param>
    /// <param name="seconds">The elapsed seconds, not negative.</param>
    /// <returns>The factor in RAY, at least one RAY.</returns>
    /// <exception cref="OverflowException">When the factor does not fit a <see cref="UInt128"/>.</exception>
    public static UInt128 CompoundFactorRay(UInt128 annualRateRay, long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        BigInteger ray = FixedPoint.Ray;
        var perSecond = ray + FixedPoint.Divide(annualRateRay, FixedPoint.SecondsPerYear, Rounding.Ceiling);
        BigInteger result = ray;
        var remaining = seconds;
        while (remaining > 0)
        {
            if ((remaining & 1) == 1)
            {
                result = FixedPoint.MulDiv(result, perSecond, ray, Rounding.Ceiling);
                Guard(result);
            }

            remaining >>= 1;
            if (remaining > 0)
            {
                // Every factor is at least one RAY, so a base that has already overflowed would overflow the result.
                perSecond = FixedPoint.MulDiv(perSecond, perSecond, ray, Rounding.Ceiling);
                Guard(perSecond);
            }
        }

        return (UInt128)result;
    }

    /// <summary>Advances a borrow index by compounding, rounded up.</summary>
    /// <param name="indexRay">The index now, in RAY.</param>
    /// <param name="annualRateRay">The annual borrow rate in RAY.</param>
    /// <param name="seconds">The elapsed seconds, not negative.</param>
    /// <returns>The new index, never below <paramref name="indexRay"/>.</returns>
    /// <exception cref="OverflowException">When the index does not fit a <see cref="UInt128"/>.</exception>
    public static UInt128 Compound(UInt128 indexRay, UInt128 annualRateRay, long seconds)
    {
        var factor = CompoundFactorRay(annualRateRay, seconds);
        return FixedPoint.ToUInt128(
            FixedPoint.MulDiv(indexRay, factor, FixedPoint.Ray, Rounding.Ceiling), "the borrow index");
    }

    /// <summary>Advances a liquidity index linearly: index × (1 + rate × seconds / year), rounded down.</summary>
    /// <param name="indexRay">The index now, in RAY.</param>
    /// <param name="annualRateRay">The annual supply rate in RAY.</param>
    /// <param name="seconds">The elapsed seconds, not negative.</param>
    /// <returns>The new index, never below <paramref name="indexRay"/>.</returns>
    /// <exception cref="OverflowException">When the index does not fit a <see cref="UInt128"/>.</exception>
    public static UInt128 Linear(UInt128 indexRay, UInt128 annualRateRay, long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        BigInteger ray = FixedPoint.Ray;
        var growth = ray + FixedPoint.MulDiv(annualRateRay, seconds, FixedPoint.SecondsPerYear, Rounding.Floor);
        return FixedPoint.ToUInt128(FixedPoint.MulDiv(indexRay, growth, ray, Rounding.Floor), "the liquidity index");
    }

    private static void Guard(BigInteger value)
    {
        if (value > UInt128.MaxValue)
        {
            throw new OverflowException("The compounded interest factor does not fit an unsigned 128-bit integer.");
        }
    }
}
