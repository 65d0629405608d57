namespace Mesh.Risk.Distributions;

/// <summary>
/// Cody's rational Chebyshev approximations for the normal CDF (W. J. Cody, "Rational Chebyshev approximations
/// for the error function", Math. Comp. 23, 1969; ANORM), split into the pieces the scalar and vector code share.
/// </summary>
internal static class CodyNormal
{
    /// <summary>Below this |x| the central approximation Φ(x) − ½ = x·R(x²) is used.</summary>
    internal const double SmallLimit = 0.67448975;

    /// <summary>Above this |x| the asymptotic approximation in 1/x² is used.</summary>
    internal const double LargeLimit = 5.656854249492380195206754896838;

    internal const double A0 = 2.2352520354606839287;
    internal const double A1 = 161.02823106855587881;
    internal const double A2 = 1067.6894854603709582;
    internal const double A3 = 18154.981253343561249;
    internal const double A4 = 0.065682337918207449113;
    internal const double B0 = 47.20258190468824187;
    internal const double B1 = 976.09855173777669322;
    internal const double B2 = 10260.932208618978205;
    internal const double B3 = 45507.789335026729956;

    internal const double C0 = 0.39894151208813466764;
    internal const double C1 = 8.8831497943883759412;
    internal const double C2 = 93.506656132177855979;
    internal const double C3 = 597.27027639480026226;
    internal const double C4 = 2494.5375852903726711;
    internal const double C5 = 6848.1904505362823326;
    internal const double C6 = 11602.651437647350124;
    internal const double C7 = 9842.7148383839780218;
    internal const double C8 = 1.0765576773720192317e-8;
    internal const double D0 = 22.266688044328115691;
    internal const double D1 = 235.38790178262499861;
    internal const double D2 = 1519.377599407554805;
    internal const double D3 = 6485.558298266760755;
    internal const double D4 = 18615.571640885098091;
    internal const double D5 = 34900.952721145977266;
    internal const double D6 = 38912.003286093271411;
    internal const double D7 = 19685.429676859990727;

    internal const double P0 = 0.21589853405795699;
    internal const double P1 = 0.1274011611602473639;
    internal const double P2 = 0.022235277870649807;
    internal const double P3 = 0.001421619193227893466;
    internal const double P4 = 2.9112874951168792e-5;
    internal const double P5 = 0.02307344176494017303;
    internal const double Q0 = 1.28426009614491121;
    internal const double Q1 = 0.468238212480865118;
    internal const double Q2 = 0.0659881378689285515;
    internal const double Q3 = 0.00378239633202758244;
    internal const double Q4 = 7.29751555083966205e-5;

    /// <summary>Φ(x) − ½ for |x| ≤ <see cref="SmallLimit"/>.</summary>
    internal static double CentralOffset(double x)
    {
        var xsq = x * x;
        var num = (((((((A4 * xsq) + A0) * xsq) + A1) * xsq) + A2) * xsq) + A3;
        var den = (((((xsq + B0) * xsq) + B1) * xsq) + B2) * xsq + B3;
        return x * num / den;
    }

    /// <summary>Φ(−y)·exp(y²/2) for y &gt; <see cref="SmallLimit"/> (no exponential evaluated).</summary>
    internal static double ScaledTail(double y)
    {
        if (y <= LargeLimit)
        {
            var num = (((((((((((((((C8 * y) + C0) * y) + C1) * y) + C2) * y) + C3) * y) + C4) * y) + C5) * y) + C6) * y) + C7;
            var den = (((((((((((((y + D0) * y) + D1) * y) + D2) * y) + D3) * y) + D4) * y) + D5) * y) + D6) * y + D7;
            return num / den;
        }

        var r = 1.0 / (y * y);
        var pn = (((((((((P5 * r) + P0) * r) + P1) * r) + P2) * r) + P3) * r) + P4;
        var qd = (((((((r + Q0) * r) + Q1) * r) + Q2) * r) + Q3) * r + Q4;
        return (NormalDistribution.InvSqrt2Pi - (r * pn / qd)) / y;
    }

    /// <summary>Φ(−y)·exp(y²/2) for any y ≥ 0 (the normal "Mills" factor, used by implied volatility).</summary>
    internal static double ScaledTailAll(double y)
    {
        if (y <= SmallLimit)
        {
            return (0.5 - CentralOffset(y)) * Math.Exp(0.5 * y * y);
        }

        return ScaledTail(y);
    }
}
