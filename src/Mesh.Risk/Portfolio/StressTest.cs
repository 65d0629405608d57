namespace Mesh.Risk.Portfolio;

/// <summary>Applies named stress scenarios to a portfolio with full revaluation.</summary>
public static class StressTest
{
    /// <summary>Runs one scenario. Unlisted assets move by E[r_U | r_K] = Σ_UK Σ_KK⁻¹ r_K on log returns.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="scenario">The scenario; shocked assets missing from the portfolio are ignored.</param>
    /// <returns>The stressed P&amp;L and prices.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A shock is not above −100% or the vol multiplier is not positive.</exception>
    public static StressResult Run(RiskPortfolio portfolio, StressScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(scenario);
        if (!(scenario.VolMultiplier > 0) || scenario.PriceShocks.Values.Any(v => !(v > -1.0) || !double.IsFinite(v)))
        {
            throw new ArgumentOutOfRangeException(nameof(scenario), "Shocks must be above −100% and the vol multiplier positive.");
        }

        var n = portfolio.Assets.Count;
        var known = new List<int>();
        var logMove = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (scenario.PriceShocks.TryGetValue(portfolio.Assets[i].Name, out var shock))
            {
                known.Add(i);
                logMove[i] = Math.Log(1 + shock);
            }
        }

        double Cov(int i, int j)
        {
            var rho = i == j ? 1.0 : scenario.CorrelationOverride ?? portfolio.Correlation[i, j];
            return rho * portfolio.Assets[i].Volatility * portfolio.Assets[j].Volatility;
        }

        var weights = SolveSymmetric([.. known.Select(i => known.Select(j => Cov(i, j)).ToArray())], [.. known.Select(i => logMove[i])]);
        for (var u = 0; u < n && weights is not null; u++)
        {
            if (!known.Contains(u))
            {
                logMove[u] = known.Select((k, idx) => Cov(u, k) * weights[idx]).Sum();
            }
        }

        var spots = new double[n];
        var volMult = new double[n];
        for (var i = 0; i < n; i++)
        {
            spots[i] = portfolio.Assets[i].Spot * Math.Exp(logMove[i]);
            volMult[i] = scenario.VolMultiplier;
        }

        var pnl = new PortfolioRevaluer(portfolio, 0.0).PnL(spots, volMult);
        return new StressResult(scenario.Name, pnl, spots);
    }

    /// <summary>Gaussian elimination with partial pivoting; null when the system is singular (no propagation).</summary>
    private static double[]? SolveSymmetric(double[][] a, double[] b)
    {
        var n = b.Length;
        for (var c = 0; c < n; c++)
        {
            var pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r][c]));
            if (Math.Abs(a[pivot][c]) < 1e-300)
            {
                return null;
            }

            (a[c], a[pivot], b[c], b[pivot]) = (a[pivot], a[c], b[pivot], b[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = a[r][c] / a[c][c];
                for (var k = c; k < n; k++)
                {
                    a[r][k] -= f * a[c][k];
                }

                b[r] -= f * b[c];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var k = r + 1; k < n; k++)
            {
                s -= a[r][k] * x[k];
            }

            x[r] = s / a[r][r];
        }

        return x;
    }
}
