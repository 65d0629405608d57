using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Mesh.Risk.Distributions;

namespace Mesh.Risk.Batch;

/// <summary>
/// Eight-lane (AVX-512) twin of <see cref="VectorNormal"/>: the normal CDF and density with the same Cody coefficients as
/// <see cref="NormalDistribution"/>; exp(−x²/2) uses an exact FMA split of x² so relative accuracy holds in the tails.
/// </summary>
internal static class VectorNormal512
{
    private static readonly Vector512<double> Half = Vector512.Create(0.5);
    private static readonly Vector512<double> One = Vector512.Create(1.0);
    private static readonly Vector512<double> SmallLimit = Vector512.Create(CodyNormal.SmallLimit);
    private static readonly Vector512<double> LargeLimit = Vector512.Create(CodyNormal.LargeLimit);
    private static readonly Vector512<double> InvSqrt2Pi = Vector512.Create(NormalDistribution.InvSqrt2Pi);

    /// <summary>exp(−x²/2) with x² split exactly into hi + lo by a fused multiply-add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> ExpHalfSquare(Vector512<double> x)
    {
        var hi = x * x;
        var lo = Vector512.FusedMultiplyAdd(x, x, -hi);
        var e = Vector512.Exp(hi * -Half);
        return Vector512.FusedMultiplyAdd(e, lo * -Half, e);
    }

    /// <summary>φ(x) for eight lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Pdf(Vector512<double> x) => InvSqrt2Pi * ExpHalfSquare(x);

    /// <summary>Φ(x) for eight lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Cdf(Vector512<double> x) => Cdf(x, ExpHalfSquare(x));

    /// <summary>Φ(x) for eight lanes, given <paramref name="expHalfSquare"/> = exp(−x²/2) computed by the caller.</summary>
    /// <remarks>Lets Black-Scholes share one exponential between Φ(d₁) and Φ(d₂).</remarks>
    internal static Vector512<double> Cdf(Vector512<double> x, Vector512<double> expHalfSquare)
    {
        var y = Vector512.Abs(x);
        var isLarge = Vector512.GreaterThan(y, LargeLimit);
        var scaled = Mid(y);
        if (isLarge != Vector512<double>.Zero)
        {
            scaled = Vector512.ConditionalSelect(isLarge, Large(y), scaled);
        }

        var tail = expHalfSquare * scaled;
        var result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), One - tail, tail);
        var isSmall = Vector512.LessThanOrEqual(y, SmallLimit);
        if (isSmall != Vector512<double>.Zero)
        {
            result = Vector512.ConditionalSelect(isSmall, Half + Central(x), result);
        }

        return result;
    }

    internal static Vector512<double> Central(Vector512<double> x)
    {
        var xsq = x * x;
        var num = Fma(Fma(Fma(Fma(Vector512.Create(CodyNormal.A4), xsq, CodyNormal.A0), xsq, CodyNormal.A1), xsq, CodyNormal.A2), xsq, CodyNormal.A3);
        var den = Fma(Fma(Fma(Fma(One, xsq, CodyNormal.B0), xsq, CodyNormal.B1), xsq, CodyNormal.B2), xsq, CodyNormal.B3);
        return x * num / den;
    }

    internal static Vector512<double> Mid(Vector512<double> y)
    {
        var num = Vector512.Create(CodyNormal.C8);
        num = Fma(num, y, CodyNormal.C0);
        num = Fma(num, y, CodyNormal.C1);
        num = Fma(num, y, CodyNormal.C2);
        num = Fma(num, y, CodyNormal.C3);
        num = Fma(num, y, CodyNormal.C4);
        num = Fma(num, y, CodyNormal.C5);
        num = Fma(num, y, CodyNormal.C6);
        num = Fma(num, y, CodyNormal.C7);
        var den = y + Vector512.Create(CodyNormal.D0);
        den = Fma(den, y, CodyNormal.D1);
        den = Fma(den, y, CodyNormal.D2);
        den = Fma(den, y, CodyNormal.D3);
        den = Fma(den, y, CodyNormal.D4);
        den = Fma(den, y, CodyNormal.D5);
        den = Fma(den, y, CodyNormal.D6);
        den = Fma(den, y, CodyNormal.D7);
        return num / den;
    }

    internal static Vector512<double> Large(Vector512<double> y)
    {
        var r = One / (y * y);
        var pn = Fma(Fma(Fma(Fma(Fma(Vector512.Create(CodyNormal.P5), r, CodyNormal.P0), r, CodyNormal.P1), r, CodyNormal.P2), r, CodyNormal.P3), r, CodyNormal.P4);
        var qd = Fma(Fma(Fma(Fma(Fma(One, r, CodyNormal.Q0), r, CodyNormal.Q1), r, CodyNormal.Q2), r, CodyNormal.Q3), r, CodyNormal.Q4);
        return (InvSqrt2Pi - (r * pn / qd)) / y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, double c) =>
        Vector512.FusedMultiplyAdd(a, b, Vector512.Create(c));
}
