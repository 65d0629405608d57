using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Batch;

/// <summary>
/// Four-lane versions of the normal CDF and density with the same Cody coefficients as
/// <see cref="NormalDistribution"/>; exp(−x²/2) uses an exact FMA split of x² so relative accuracy holds in the tails.
/// </summary>
internal static class VectorNormal
{
    private static readonly Vector256<double> Half = Vector256.Create(0.5);
    private static readonly Vector256<double> One = Vector256.Create(1.0);
    private static readonly Vector256<double> SmallLimit = Vector256.Create(CodyNormal.SmallLimit);
    private static readonly Vector256<double> LargeLimit = Vector256.Create(CodyNormal.LargeLimit);
    private static readonly Vector256<double> InvSqrt2Pi = Vector256.Create(NormalDistribution.InvSqrt2Pi);

    /// <summary>exp(−x²/2) with x² split exactly into hi + lo by a fused multiply-add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpHalfSquare(Vector256<double> x)
    {
        var hi = x * x;
        var lo = Vector256.FusedMultiplyAdd(x, x, -hi);
        var e = Vector256.Exp(hi * -Half);
        return Vector256.FusedMultiplyAdd(e, lo * -Half, e);
    }

    /// <summary>φ(x) for four lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Pdf(Vector256<double> x) => InvSqrt2Pi * ExpHalfSquare(x);

    /// <summary>Φ(x) for four lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Cdf(Vector256<double> x) => Cdf(x, ExpHalfSquare(x));

    /// <summary>Φ(x) for four lanes, given <paramref name="expHalfSquare"/> = exp(−x²/2) computed by the caller.</summary>
    /// <remarks>Lets Black-Scholes share one exponential between Φ(d₁) and Φ(d₂).</remarks>
    internal static Vector256<double> Cdf(Vector256<double> x, Vector256<double> expHalfSquare)
    {
        var y = Vector256.Abs(x);
        var isLarge = Vector256.GreaterThan(y, LargeLimit);
        var scaled = Mid(y);
        if (isLarge != Vector256<double>.Zero)
        {
            scaled = Vector256.ConditionalSelect(isLarge, Large(y), scaled);
        }

        var tail = expHalfSquare * scaled;
        var result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), One - tail, tail);
        var isSmall = Vector256.LessThanOrEqual(y, SmallLimit);
        if (isSmall != Vector256<double>.Zero)
        {
            result = Vector256.ConditionalSelect(isSmall, Half + Central(x), result);
        }

        return result;
    }

    internal static Vector256<double> Central(Vector256<double> x)
    {
        var xsq = x * x;
        var num = Fma(Fma(Fma(Fma(Vector256.Create(CodyNormal.A4), xsq, CodyNormal.A0), xsq, CodyNormal.A1), xsq, CodyNormal.A2), xsq, CodyNormal.A3);
        var den = Fma(Fma(Fma(Fma(One, xsq, CodyNormal.B0), xsq, CodyNormal.B1), xsq, CodyNormal.B2), xsq, CodyNormal.B3);
        return x * num / den;
    }

    internal static Vector256<double> Mid(Vector256<double> y)
    {
        var num = Vector256.Create(CodyNormal.C8);
        num = Fma(num, y, CodyNormal.C0);
        num = Fma(num, y, CodyNormal.C1);
        num = Fma(num, y, CodyNormal.C2);
        num = Fma(num, y, CodyNormal.C3);
        num = Fma(num, y, CodyNormal.C4);
        num = Fma(num, y, CodyNormal.C5);
        num = Fma(num, y, CodyNormal.C6);
        num = Fma(num, y, CodyNormal.C7);
        var den = y + Vector256.Create(CodyNormal.D0);
        den = Fma(den, y, CodyNormal.D1);
        den = Fma(den, y, CodyNormal.D2);
        den = Fma(den, y, CodyNormal.D3);
        den = Fma(den, y, CodyNormal.D4);
        den = Fma(den, y, CodyNormal.D5);
        den = Fma(den, y, CodyNormal.D6);
        den = Fma(den, y, CodyNormal.D7);
        return num / den;
    }

    internal static Vector256<double> Large(Vector256<double> y)
    {
        var r = One / (y * y);
        var pn = Fma(Fma(Fma(Fma(Fma(Vector256.Create(CodyNormal.P5), r, CodyNormal.P0), r, CodyNormal.P1), r, CodyNormal.P2), r, CodyNormal.P3), r, CodyNormal.P4);
        var qd = Fma(Fma(Fma(Fma(Fma(One, r, CodyNormal.Q0), r, CodyNormal.Q1), r, CodyNormal.Q2), r, CodyNormal.Q3), r, CodyNormal.Q4);
        return (InvSqrt2Pi - (r * pn / qd)) / y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, double c) =>
        Vector256.FusedMultiplyAdd(a, b, Vector256.Create(c));
}
