namespace Mesh.Risk.Backtesting;

/// <summary>
/// The log-gamma function and the regularized incomplete gamma and beta functions, to about 1e-14 relative error
/// over the arguments the chi-square and Student-t distributions of this library use.
/// </summary>
/// <remarks>
/// ln Γ is the Lanczos approximation (g = 7, nine terms) with the reflection formula below ½. P(a, x) is its power
/// series for x &lt; a + 1 and Q(a, x) the Legendre continued fraction otherwise; I_x(a, b) is the continued fraction
/// of Abramowitz &amp; Stegun 26.5.8 on the side of x where it converges fast, both evaluated with the modified Lentz
/// method.
/// </remarks>
internal static class SpecialFunctions
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 10_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        x -= 1.0;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2.0 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).</summary>
    internal static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        return x < a + 1.0 ? GammaSeries(a, x) : 1.0 - GammaContinuedFraction(a, x);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in the far tail.</summary>
    internal static double RegularizedGammaQ(double a, double x)
    {
        if (x <= 0.0)
        {
            return 1.0;
        }

        return x < a + 1.0 ? 1.0 - GammaSeries(a, x) : GammaContinuedFraction(a, x);
    }

    /// <summary>The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1.</summary>
    internal static double RegularizedBeta(double x, double a, double b) => RegularizedBeta(x, 1.0 - x, a, b);

    /// <summary>I_x(a, b) given both x and y = 1 − x, so that a y computed without cancellation keeps its accuracy.</summary>
    internal static double RegularizedBeta(double x, double y, double a, double b)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (y <= 0.0)
        {
            return 1.0;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(y));
        var front = Math.Exp(logFront);
        return x < (a + 1.0) / (a + b + 2.0)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1.0 - (front * BetaContinuedFraction(y, b, a) / b);
    }

    private static double GammaSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n <= MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double GammaContinuedFraction(double a, double x)
    {
        var b = x + 1.0 - a;
        var c = 1.0 / Tiny;
        var d = 1.0 / b;
        var h = d;
        for (var i = 1; i <= MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            d = Guard((an * d) + b);
            c = Guard(b + (an / c));
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = 1.0 / Guard(1.0 - ((a + b) * x / (a + 1.0)));
        var h = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
            d = 1.0 / Guard(1.0 + (even * d));
            c = Guard(1.0 + (even / c));
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
            d = 1.0 / Guard(1.0 + (odd * d));
            c = Guard(1.0 + (odd / c));
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    private static double Guard(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
