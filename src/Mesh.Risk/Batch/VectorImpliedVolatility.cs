using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Mesh.Risk.Distributions;
using Mesh.Risk.Options;

namespace Mesh.Risk.Batch;

/// <summary>
/// Four-lane lock-step version of <see cref="ImpliedVolatility"/>: the same safeguarded Halley iteration on ln b(x, s),
/// the same initial guess and stopping rule, one <see cref="Vector256{T}"/> step for four options. Lanes on or outside
/// the no-arbitrage bounds, with invalid inputs, or not converged within <see cref="MaxIterations"/> are handed to the
/// scalar solver, so results and failures match it.
/// </summary>
internal static class VectorImpliedVolatility
{
    private const int MaxIterations = 12;
    private static readonly Vector256<double> Half = Vector256.Create(0.5);
    private static readonly Vector256<double> Quarter = Vector256.Create(0.25);
    private static readonly Vector256<double> One = Vector256.Create(1.0);
    private static readonly Vector256<double> Two = Vector256.Create(2.0);
    private static readonly Vector256<double> Ten = Vector256.Create(10.0);
    private static readonly Vector256<double> Infinity = Vector256.Create(double.PositiveInfinity);
    private static readonly Vector256<double> SmallLimit = Vector256.Create(CodyNormal.SmallLimit);
    private static readonly Vector256<double> LargeLimit = Vector256.Create(CodyNormal.LargeLimit);
    private static readonly Vector256<double> InvSqrt2Pi = Vector256.Create(NormalDistribution.InvSqrt2Pi);
    private static readonly Vector256<double> Sqrt2Pi = Vector256.Create(NormalDistribution.Sqrt2Pi);

    /// <summary>Solves options <c>i .. i+3</c> (all present) into <paramref name="volatilities"/> and <paramref name="failures"/>.</summary>
    internal static void SolveBlock(OptionType type, ReadOnlySpan<double> prices, in OptionBatch batch, Span<double> volatilities, Span<ImpliedVolFailure> failures, int i)
    {
        var n = (nuint)i;
        var price = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(prices), n);
        var spot = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Spot), n);
        var strike = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Strike), n);
        var rate = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Rate), n);
        var yield = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.DividendYield), n);
        var time = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Time), n);
        var zero = Vector256<double>.Zero;
        var invalid = ~Vector256.Equals(price - price, zero)
            | ~(Vector256.GreaterThan(spot, zero) & Vector256.LessThan(spot, Infinity))
            | ~(Vector256.GreaterThan(strike, zero) & Vector256.LessThan(strike, Infinity))
            | ~Vector256.Equals(rate - rate, zero)
            | ~Vector256.Equals(yield - yield, zero)
            | ~(Vector256.GreaterThan(time, zero) & Vector256.LessThan(time, Infinity));
        if (invalid != zero)
        {
            // The scalar solver throws the exception that names the offending input.
            ScalarLanes(type, prices, batch, volatilities, failures, i, Vector256<double>.AllBitsSet);
            return;
        }

        var forward = spot * Vector256.Exp((rate - yield) * time);
        var undiscounted = price * Vector256.Exp(rate * time);
        var intrinsic = Vector256.Max(type == OptionType.Call ? forward - strike : strike - forward, zero);
        var upper = type == OptionType.Call ? forward : strike;
        var timeValue = undiscounted - intrinsic;

        // By put-call parity the time value is the out-of-the-money option; by symmetry x = −|ln(F/K)| ≤ 0.
        var x = -Vector256.Abs(Vector256.Log(forward / strike));
        var logBeta = Vector256.Log(timeValue / Vector256.Sqrt(forward * strike));

        // Bounds failures and zero time value are rare: the scalar solver classifies them.
        // So are strikes more than e^600 away from the forward, where e^(−x) overflows.
        var special = ~(Vector256.LessThan(undiscounted, upper) & Vector256.GreaterThan(timeValue, zero) & Vector256.LessThan(logBeta, Half * x)
            & Vector256.GreaterThan(x, Vector256.Create(-600.0)));
        var (s, done) = SolveTotalVolatility(x, logBeta, special);
        var volatility = s / Vector256.Sqrt(time);
        var fallback = special | ~done;
        if (fallback == zero)
        {
            volatility.StoreUnsafe(ref MemoryMarshal.GetReference(volatilities), n);
            if (!failures.IsEmpty)
            {
                failures.Slice(i, 4).Clear();
            }

            return;
        }

        for (var lane = 0; lane < 4; lane++)
        {
            volatilities[i + lane] = volatility[lane];
            if (!failures.IsEmpty)
            {
                failures[i + lane] = ImpliedVolFailure.None;
            }
        }

        ScalarLanes(type, prices, batch, volatilities, failures, i, fallback);
    }

    /// <summary>Runs the scalar solver (with its validation) on the lanes selected by <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ScalarLanes(OptionType type, ReadOnlySpan<double> prices, in OptionBatch batch, Span<double> volatilities, Span<ImpliedVolFailure> failures, int i, Vector256<double> mask)
    {
        for (var lane = 0; lane < 4; lane++)
        {
            if ((mask.ExtractMostSignificantBits() & (1u << lane)) == 0)
            {
                continue;
            }

            var k = i + lane;
            var result = ImpliedVolatility.Solve(type, prices[k], batch.Spot[k], batch.Strike[k], batch.Rate[k], batch.DividendYield[k], batch.Time[k]);
            volatilities[k] = result.Volatility;
            if (!failures.IsEmpty)
            {
                failures[k] = result.Failure;
            }
        }
    }

    private static (Vector256<double> S, Vector256<double> Done) SolveTotalVolatility(Vector256<double> x, Vector256<double> logBeta, Vector256<double> done)
    {
        var ex = Vector256.Exp(Half * x);
        var exInv = One / ex;
        var sinh = Sinh(Half * x, ex, exInv);
        var xx = x * x;

        // Initial guess as in the scalar solver: the larger of the at-the-money and far-tail approximations.
        var atm = Sqrt2Pi * Vector256.Exp(logBeta - (Half * x));
        var tail = -x / Vector256.Sqrt(-Two * logBeta);
        var s = Vector256.Max(Vector256.Min(atm, Ten), tail);
        var lo = Vector256<double>.Zero;
        var hi = Infinity;
        var result = Vector256.Create(double.NaN);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var f = LogPrice(x, s, ex, exInv, sinh, out var slope) - logBeta;
            var above = Vector256.GreaterThan(f, Vector256<double>.Zero);
            hi = Vector256.ConditionalSelect(above, s, hi);
            lo = Vector256.ConditionalSelect(above, lo, s);

            // Halley step, as in ImpliedVolatility: g'' = g'·(x²/s³ − s/4) − g'².
            var newton = f / slope;
            var curvature = (slope * ((xx / (s * s * s)) - (Quarter * s))) - (slope * slope);
            var denominator = One - (Half * newton * curvature / slope);
            var halley = Vector256.GreaterThan(denominator, Half);
            var step = Vector256.ConditionalSelect(halley, newton / denominator, newton);
            var next = s - step;
            var tolerance = Vector256.ConditionalSelect(halley, Vector256.Create(ImpliedVolatility.ConvergedHalleyStep), Vector256.Create(ImpliedVolatility.ConvergedStep));
            var small = Vector256.LessThanOrEqual(Vector256.Abs(step), tolerance * s);
            var inside = (Vector256.GreaterThan(next, lo) & Vector256.LessThan(next, hi)) | small;
            var safeguard = Vector256.ConditionalSelect(Vector256.Equals(hi, Infinity), Two * s, Half * (lo + hi));
            next = Vector256.ConditionalSelect(inside, next, safeguard);
            var converged = small
                | Vector256.LessThanOrEqual(Vector256.Abs(next - s), Vector256.Create(ImpliedVolatility.ConvergedStep) * s)
                | Vector256.LessThanOrEqual(hi - lo, Vector256.Create(4e-16) * lo);
            result = Vector256.ConditionalSelect(converged & ~done, next, result);
            done |= converged;
            if (done.ExtractMostSignificantBits() == 0b1111)
            {
                break;
            }

            s = next;
        }

        return (result, done);
    }

    /// <summary>ln b(x, s) and ∂ln b/∂s for x ≤ 0, s &gt; 0, four lanes (the vector form of <see cref="NormalizedBlack"/>).</summary>
    internal static Vector256<double> LogPrice(Vector256<double> x, Vector256<double> s, Vector256<double> ex, Vector256<double> exInv, Vector256<double> sinh, out Vector256<double> slope)
    {
        var h = x / s;
        var t = Half * s;
        var d1 = h + t;
        var d2 = h - t;
        var exponent = -Half * ((h * h) + (t * t));

        // d₁² − d₂² = 2x ≤ 0, so exp(−d₂²/2) = exp(−d₁²/2)·e^x needs no second exponential and cannot underflow first.
        var e1 = VectorNormal.ExpHalfSquare(d1);
        var e2 = e1 * ex * ex;
        var y1 = Vector256.Abs(d1);
        var y2 = Vector256.Abs(d2);
        var r1 = ScaledTail(y1);
        var r2 = ScaledTail(y2);
        var small1 = Vector256.LessThanOrEqual(y1, SmallLimit);
        var small2 = Vector256.LessThanOrEqual(y2, SmallLimit);
        var c1 = Vector256<double>.Zero;
        var c2 = Vector256<double>.Zero;
        var anySmall = small1 | small2;
        if (anySmall != Vector256<double>.Zero)
        {
            c1 = VectorNormal.Central(d1);
            c2 = VectorNormal.Central(d2);
        }

        // Φ(d) for either sign of d: ½ + central offset, or the tail E·R.
        var phi1 = Vector256.ConditionalSelect(small1, Half + c1, Vector256.ConditionalSelect(Vector256.GreaterThan(d1, Vector256<double>.Zero), One - (e1 * r1), e1 * r1));
        var phi2 = Vector256.ConditionalSelect(small2, Half + c2, Vector256.ConditionalSelect(Vector256.GreaterThan(d2, Vector256<double>.Zero), One - (e2 * r2), e2 * r2));

        // d₁ ≤ 0: b = e^exponent·(M(−d₁) − M(−d₂)) with the Mills factor M(y) = Φ(−y)·e^(y²/2).
        var tailRegion = Vector256.LessThanOrEqual(d1, Vector256<double>.Zero);
        var diff = r1 - r2;
        if ((anySmall & tailRegion) != Vector256<double>.Zero)
        {
            diff = Vector256.ConditionalSelect(small1, phi1 / e1, r1) - Vector256.ConditionalSelect(small2, phi2 / e2, r2);
        }

        // d₁ > 0: b = e^(x/2)Φ(d₁) − e^(−x/2)Φ(d₂), or sinh(x/2) plus central offsets when both d are central.
        var b = (ex * phi1) - (exInv * phi2);
        var bothSmall = small1 & small2;
        if (bothSmall != Vector256<double>.Zero)
        {
            b = Vector256.ConditionalSelect(bothSmall, sinh + (ex * c1) - (exInv * c2), b);
        }

        var value = Vector256.ConditionalSelect(tailRegion, diff, b);
        slope = InvSqrt2Pi * Vector256.ConditionalSelect(tailRegion, One, e1 * ex) / value;
        return Vector256.Log(value) + Vector256.ConditionalSelect(tailRegion, exponent, Vector256<double>.Zero);
    }

    /// <summary>Φ(−y)·exp(y²/2) for y &gt; <see cref="CodyNormal.SmallLimit"/> (lanes at or below it are ignored by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ScaledTail(Vector256<double> y)
    {
        var isLarge = Vector256.GreaterThan(y, LargeLimit);
        var scaled = VectorNormal.Mid(y);
        if (isLarge != Vector256<double>.Zero)
        {
            scaled = Vector256.ConditionalSelect(isLarge, VectorNormal.Large(y), scaled);
        }

        return scaled;
    }

    /// <summary>sinh(u) to full relative precision: Taylor series for |u| &lt; 0.1, (e^u − e^−u)/2 above.</summary>
    private static Vector256<double> Sinh(Vector256<double> u, Vector256<double> eu, Vector256<double> euInv)
    {
        var u2 = u * u;
        var series = u * Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            Vector256.Create(1.0 / 362880), u2, Vector256.Create(1.0 / 5040)), u2, Vector256.Create(1.0 / 120)), u2, Vector256.Create(1.0 / 6)), u2, One);
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(u), Vector256.Create(0.1)), series, Half * (eu - euInv));
    }
}
