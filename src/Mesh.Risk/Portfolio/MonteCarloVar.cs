namespace Mesh.Risk.Portfolio;

/// <summary>
/// Correlated Monte Carlo VaR / ES: Cholesky-correlated normal shocks (seeded xoshiro256**, Box-Muller, optional
/// antithetic pairs), full Black-Scholes repricing of options on every path, linear P&amp;L for spot and perps.
/// </summary>
public static class MonteCarloVar
{
    /// <summary>Simulates the portfolio's P&amp;L over the horizon and measures its loss tail.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="options">Simulation settings; defaults when null.</param>
    /// <returns>VaR and ES at 95% and 99% with standard errors.</returns>
    /// <exception cref="MatrixNotPositiveDefiniteException">The correlation matrix is not PSD.</exception>
    public static VarResult Run(RiskPortfolio portfolio, MonteCarloVarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        options ??= new MonteCarloVarOptions();
        options.Validate();
        var losses = SimulateLosses(portfolio, options);
        return TailStatistics.Measure(losses, options.Batches);
    }

    /// <summary>Simulated losses (−P&amp;L), one per path, in path order.</summary>
    internal static double[] SimulateLosses(RiskPortfolio portfolio, MonteCarloVarOptions options)
    {
        var n = portfolio.Assets.Count;
        var l = Cholesky.Decompose(portfolio.Correlation);
        var h = options.HorizonDays / options.DaysPerYear;
        var revaluer = new PortfolioRevaluer(portfolio, h);
        var rng = new Xoshiro256StarStar(options.Seed);
        var spot = new double[n];
        var sd = new double[n];
        var drift = new double[n];
        var linear = revaluer.LinearQuantities.ToArray();
        for (var i = 0; i < n; i++)
        {
            spot[i] = portfolio.Assets[i].Spot;
            sd[i] = portfolio.Assets[i].Volatility * Math.Sqrt(h);
            drift[i] = options.ReturnModel == ReturnModel.LogNormal ? -0.5 * sd[i] * sd[i] : 0.0;
        }

        var lowerPacked = Pack(l, n);
        var losses = new double[options.Paths];
        var z = new double[n];
        var x = new double[n];
        var moved = new double[n];
        var volMult = new double[n];
        Array.Fill(volMult, 1.0);
        var logNormal = options.ReturnModel == ReturnModel.LogNormal;
        var volShockSd = options.VolOfVol * Math.Sqrt(h);

        double Loss(double sign)
        {
            var pnl = 0.0;
            for (var i = 0; i < n; i++)
            {
                var shock = sign * sd[i] * x[i];
                moved[i] = logNormal ? spot[i] * Math.Exp(drift[i] + shock) : spot[i] * (1.0 + shock);
                pnl += linear[i] * (moved[i] - spot[i]);
            }

            return revaluer.HasOptions ? -(pnl + revaluer.OptionPnL(moved, volMult)) : -pnl;
        }

        var step = options.Antithetic ? 2 : 1;
        for (var p = 0; p < options.Paths; p += step)
        {
            for (var i = 0; i < n; i++)
            {
                z[i] = rng.NextNormal();
            }

            Correlate(lowerPacked, z, x);
            for (var i = 0; i < n && volShockSd > 0; i++)
            {
                volMult[i] = Math.Exp((volShockSd * rng.NextNormal()) - (0.5 * volShockSd * volShockSd));
            }

            losses[p] = Loss(1.0);
            if (options.Antithetic && p + 1 < options.Paths)
            {
                losses[p + 1] = Loss(-1.0);
            }
        }

        return losses;
    }

    private static double[] Pack(double[,] l, int n)
    {
        var packed = new double[n * (n + 1) / 2];
        var idx = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                packed[idx++] = l[i, j];
            }
        }

        return packed;
    }

    private static void Correlate(double[] lowerPacked, ReadOnlySpan<double> z, Span<double> x)
    {
        var idx = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var s = 0.0;
            for (var j = 0; j <= i; j++)
            {
                s += lowerPacked[idx++] * z[j];
            }

            x[i] = s;
        }
    }
}
