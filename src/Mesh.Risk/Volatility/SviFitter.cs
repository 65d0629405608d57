namespace Mesh.Risk.Volatility;

/// <summary>
/// Least-squares raw SVI fit of one expiry's smile using the quasi-explicit method (Zeliade 2009): for each
/// (m, σ) the parameters (a, bρσ, bσ) solve a linear least-squares problem, clipped to b ≥ 0, |ρ| ≤ 1 and
/// min w ≥ 0; Nelder-Mead searches (m, ln σ) from several starts.
/// </summary>
public static class SviFitter
{
    /// <summary>Fits raw SVI to observed total variances.</summary>
    /// <param name="logMoneyness">k = ln(K/F) per quote (at least 5 distinct points).</param>
    /// <param name="totalVariance">w = σ_imp²·T per quote (≥ 0).</param>
    /// <returns>The fitted parameters.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 5 quotes, or a non-finite/negative input.</exception>
    public static SviParameters Fit(ReadOnlySpan<double> logMoneyness, ReadOnlySpan<double> totalVariance)
    {
        if (logMoneyness.Length != totalVariance.Length || logMoneyness.Length < 5)
        {
            throw new ArgumentException("Need at least 5 quotes with matching k and w lengths.", nameof(totalVariance));
        }

        var k = logMoneyness.ToArray();
        var w = totalVariance.ToArray();
        if (k.Any(v => !double.IsFinite(v)) || w.Any(v => !(v >= 0.0) || !double.IsFinite(v)))
        {
            throw new ArgumentException("Quotes must be finite with non-negative total variance.", nameof(totalVariance));
        }

        var span = k.Max() - k.Min();
        var kAtMin = k[Array.IndexOf(w, w.Min())];
        double Objective(double[] p) => Inner(k, w, p[0], Math.Exp(p[1])).Sse;

        double[] best = [kAtMin, Math.Log(0.1)];
        var bestValue = double.MaxValue;
        foreach (var sigma0 in new[] { 0.02, 0.1, 0.3, 1.0 })
        {
            foreach (var m0 in new[] { kAtMin, 0.0 })
            {
                var (point, value, _, _) = NelderMead.Minimize(Objective, [m0, Math.Log(sigma0)], [0.1 * Math.Max(span, 0.1), 0.5], 1e-14, 3000);
                if (value < bestValue)
                {
                    (best, bestValue) = (point, value);
                }
            }
        }

        var sigma = Math.Exp(best[1]);
        var (a, d, c, _) = Inner(k, w, best[0], sigma);
        var b = c / sigma;
        var rho = c > 0 ? d / c : 0.0;
        return new SviParameters(a, b, rho, best[0], sigma);
    }

    /// <summary>For fixed (m, σ) solve w ≈ a + d·y + c·√(y² + 1), y = (k − m)/σ, then clip to the admissible set.</summary>
    private static (double A, double D, double C, double Sse) Inner(double[] k, double[] w, double m, double sigma)
    {
        double s1 = 0, sy = 0, sz = 0, syy = 0, syz = 0, szz = 0, sw = 0, syw = 0, szw = 0;
        var n = k.Length;
        for (var i = 0; i < n; i++)
        {
            var y = (k[i] - m) / sigma;
            var z = Math.Sqrt((y * y) + 1.0);
            s1 += 1;
            sy += y;
            sz += z;
            syy += y * y;
            syz += y * z;
            szz += z * z;
            sw += w[i];
            syw += y * w[i];
            szw += z * w[i];
        }

        var (a, d, c) = Solve3(s1, sy, sz, sy, syy, syz, sz, syz, szz, sw, syw, szw);
        if (!double.IsFinite(a) || !double.IsFinite(c) || !double.IsFinite(d))
        {
            (a, d, c) = (sw / n, 0, 0);
        }

        c = Math.Max(c, 0.0);
        d = Math.Clamp(d, -c, c);
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            var y = (k[i] - m) / sigma;
            mean += w[i] - (d * y) - (c * Math.Sqrt((y * y) + 1.0));
        }

        a = Math.Max(mean / n, -Math.Sqrt((c * c) - (d * d)));
        var sse = 0.0;
        for (var i = 0; i < n; i++)
        {
            var y = (k[i] - m) / sigma;
            var e = a + (d * y) + (c * Math.Sqrt((y * y) + 1.0)) - w[i];
            sse += e * e;
        }

        return (a, d, c, sse);
    }

    private static (double X, double Y, double Z) Solve3(
        double a11, double a12, double a13, double a21, double a22, double a23, double a31, double a32, double a33,
        double b1, double b2, double b3)
    {
        var det = (a11 * ((a22 * a33) - (a23 * a32))) - (a12 * ((a21 * a33) - (a23 * a31))) + (a13 * ((a21 * a32) - (a22 * a31)));
        var x = ((b1 * ((a22 * a33) - (a23 * a32))) - (a12 * ((b2 * a33) - (a23 * b3))) + (a13 * ((b2 * a32) - (a22 * b3)))) / det;
        var y = ((a11 * ((b2 * a33) - (a23 * b3))) - (b1 * ((a21 * a33) - (a23 * a31))) + (a13 * ((a21 * b3) - (b2 * a31)))) / det;
        var z = ((a11 * ((a22 * b3) - (b2 * a32))) - (a12 * ((a21 * b3) - (b2 * a31))) + (b1 * ((a21 * a32) - (a22 * a31)))) / det;
        return (x, y, z);
    }
}
