namespace Mesh.Risk.Var;

/// <summary>Maximum-likelihood degrees of freedom of a unit-variance Student t fitted to standardized residuals.</summary>
internal static class StudentTFit
{
    /// <summary>The smallest ν considered (the variance is infinite at 2).</summary>
    internal const double MinimumDegreesOfFreedom = 2.1;

    /// <summary>The largest ν considered (indistinguishable from normal for VaR purposes).</summary>
    internal const double MaximumDegreesOfFreedom = 200.0;

    /// <summary>Maximizes Σ ln f(zₜ; ν) over ν by golden-section search on ln(ν − 2).</summary>
    internal static double DegreesOfFreedom(ReadOnlySpan<double> standardized)
    {
        var squares = new double[standardized.Length];
        for (var i = 0; i < squares.Length; i++)
        {
            squares[i] = standardized[i] * standardized[i];
        }

        double Negative(double u) => -LogLikelihood(squares, 2.0 + Math.Exp(u));

        var invPhi = (Math.Sqrt(5.0) - 1.0) / 2.0;
        var a = Math.Log(MinimumDegreesOfFreedom - 2.0);
        var b = Math.Log(MaximumDegreesOfFreedom - 2.0);
        var c = b - (invPhi * (b - a));
        var d = a + (invPhi * (b - a));
        double fc = Negative(c), fd = Negative(d);
        while (b - a > 1e-6)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (invPhi * (b - a));
                fc = Negative(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (invPhi * (b - a));
                fd = Negative(d);
            }
        }

        return 2.0 + Math.Exp(0.5 * (a + b));
    }

    /// <summary>Log-likelihood of unit-variance t innovations with squared values <paramref name="squares"/>.</summary>
    internal static double LogLikelihood(ReadOnlySpan<double> squares, double nu)
    {
        var constant = Backtesting.SpecialFunctions.LogGamma(0.5 * (nu + 1.0)) - Backtesting.SpecialFunctions.LogGamma(0.5 * nu)
            - (0.5 * Math.Log(Math.PI * (nu - 2.0)));
        var sum = 0.0;
        foreach (var z2 in squares)
        {
            sum += Math.Log(1.0 + (z2 / (nu - 2.0)));
        }

        return (squares.Length * constant) - (0.5 * (nu + 1.0) * sum);
    }
}
