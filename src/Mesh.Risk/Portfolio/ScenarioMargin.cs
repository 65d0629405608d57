namespace Mesh.Risk.Portfolio;

/// <summary>
/// SPAN-like scenario margin: for each asset, the positions on it are fully revalued on a grid of price moves
/// (±k/steps of the scan range) × implied-vol moves (down/up), plus two extreme price moves counted at a
/// fraction; the asset's scanning risk is the worst loss, and margin is their sum.
/// </summary>
public static partial class ScenarioMargin
{
    /// <summary>Computes the scenario margin.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="options">Grid settings; defaults when null.</param>
    /// <returns>The margin and the per-asset grids.</returns>
    public static ScenarioMarginResult Compute(RiskPortfolio portfolio, ScenarioMarginOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        options ??= new ScenarioMarginOptions();
        options.Validate();
        var revaluer = new PortfolioRevaluer(portfolio, options.HorizonDays / options.DaysPerYear);
        var assets = new List<AssetScanRisk>();
        for (var a = 0; a < portfolio.Assets.Count; a++)
        {
            if (!portfolio.Positions.Any(p => p.AssetIndex == a))
            {
                continue;
            }

            var spot = portfolio.Assets[a].Spot;
            var scenarios = new List<MarginScenario>();
            for (var step = -options.PriceSteps; step <= options.PriceSteps; step++)
            {
                var move = options.PriceScanRange * step / options.PriceSteps;
                foreach (var volMove in new[] { -options.VolScanRange, options.VolScanRange })
                {
                    scenarios.Add(new MarginScenario(move, volMove, 1.0, -revaluer.AssetPnL(a, spot * (1 + move), 1 + volMove)));
                }
            }

            foreach (var direction in new[] { -1.0, 1.0 })
            {
                var move = direction * options.PriceScanRange * options.ExtremeMoveMultiple;
                var loss = -revaluer.AssetPnL(a, spot * (1 + move), 1.0);
                scenarios.Add(new MarginScenario(move, 0.0, options.ExtremeCoverFraction, options.ExtremeCoverFraction * loss));
            }

            var worst = scenarios.MaxBy(s => s.Loss)!;
            assets.Add(new AssetScanRisk(a, portfolio.Assets[a].Name, Math.Max(worst.Loss, 0.0), worst, scenarios));
        }

        return new ScenarioMarginResult(assets.Sum(a => a.ScanningRisk), assets);
    }
}
