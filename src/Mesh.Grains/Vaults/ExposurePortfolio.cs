using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>A vault's live exposures as a Mesh.Risk portfolio, and what they are worth and owe now.</summary>
internal sealed class ExposurePortfolio
{
    private ExposurePortfolio(RiskPortfolio? portfolio, double markToMarket, double hedgeValue, IReadOnlyList<UnderlyingGreeks> greeks, RiskPortfolio? withHoldings = null, RiskPortfolio? holdings = null, double heldUnits = 0.0)
    {
        Portfolio = portfolio;
        WithHoldings = withHoldings;
        Holdings = holdings;
        HeldUnits = heldUnits;
        MarkToMarket = markToMarket;
        HedgeValue = hedgeValue;
        Greeks = greeks;
    }

    /// <summary>Gets the live (unexpired) positions for margin; null when there are none.</summary>
    internal RiskPortfolio? Portfolio { get; }

    /// <summary>
    /// Gets, for a book with the mesh's hedges, the positions together with the vault's risky collateral held as
    /// delta-one positions (null otherwise): a hedge's margin is the risk it adds to the collateral it hedges,
    /// <c>max(0, risk(book + holdings) − risk(holdings))</c>, not the risk of a naked short; the holdings' own risk is
    /// in their haircut.
    /// </summary>
    internal RiskPortfolio? WithHoldings { get; }

    /// <summary>Gets the holdings alone (with <see cref="WithHoldings"/>).</summary>
    internal RiskPortfolio? Holdings { get; }

    /// <summary>Gets the units of risky collateral the holdings were built with (a cached shortfall is stale when they change).</summary>
    internal double HeldUnits { get; }

    /// <summary>Gets the book's value now in USD: options at Black-Scholes value (expired ones at intrinsic), perps at unrealized P&amp;L, and the hedges' realized P&amp;L.</summary>
    internal double MarkToMarket { get; }

    /// <summary>Gets the part of <see cref="MarkToMarket"/> that the mesh's own hedges make: their unrealized and realized P&amp;L, USD.</summary>
    internal double HedgeValue { get; }

    /// <summary>Gets the net sensitivities per underlying.</summary>
    internal IReadOnlyList<UnderlyingGreeks> Greeks { get; }

    /// <summary>Prices a book.</summary>
    /// <param name="exposures">The reported exposures and the mesh's hedges (ids beginning with <paramref name="hedgePrefix"/>).</param>
    /// <param name="markets">The prices and volatilities.</param>
    /// <param name="now">When (for the options' time to expiry).</param>
    /// <param name="options">The risk settings.</param>
    /// <param name="hedgeRealized">The hedges' realized profit or loss, USD, held in the venue's margin account.</param>
    /// <param name="hedgePrefix">How the mesh's own hedge exposures are named.</param>
    /// <param name="held">The vault's collateral held per asset, in units (net of debt in it), for the margin of a hedged book; null to leave it out.</param>
    /// <returns>The priced book.</returns>
    internal static ExposurePortfolio Build(IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, AssetMarket> markets, DateTimeOffset now, VaultRiskOptions options, double hedgeRealized = 0.0, string hedgePrefix = VaultGrain.HedgeExposurePrefix, IReadOnlyDictionary<string, double>? held = null)
    {
        var underlyings = Underlyings(exposures);
        var assets = new RiskAsset[underlyings.Length];
        var delta = new double[underlyings.Length];
        var gamma = new double[underlyings.Length];
        var vega = new double[underlyings.Length];
        for (var i = 0; i < underlyings.Length; i++)
        {
            var market = Market(markets, underlyings[i]);
            assets[i] = new RiskAsset(underlyings[i], market.Price, market.AnnualVolatility);
        }

        var positions = new List<Position>(exposures.Count);
        var mtm = hedgeRealized;
        var hedges = hedgeRealized;
        foreach (var e in exposures)
        {
            var i = Array.IndexOf(underlyings, e.Underlying);
            var spot = assets[i].Spot;
            var quantity = (double)e.Size * (e.Side == PositionSide.Long ? 1.0 : -1.0);
            if (e.Kind == ExposureKind.Perp)
            {
                positions.Add(new PerpPosition(i, quantity));
                var pnl = quantity * (spot - (double)e.EntryPrice!.Value);
                mtm += pnl;
                hedges += e.Id.StartsWith(hedgePrefix, StringComparison.Ordinal) ? pnl : 0.0;
                delta[i] += quantity;
                continue;
            }

            var type = e.Right == OptionRight.Put ? OptionType.Put : OptionType.Call;
            var strike = (double)e.Strike!.Value;
            var years = (e.Expiry!.Value - now).TotalDays / 365.0;
            if (years <= 0)
            {
                mtm += quantity * Math.Max(type == OptionType.Call ? spot - strike : strike - spot, 0.0);
                continue;
            }

            var vol = e.ImpliedVolatility is { } iv ? (double)iv : Math.Max(assets[i].Volatility, 0.01);
            var g = BlackScholes.Greeks(type, spot, strike, options.Rate, 0.0, vol, years);
            positions.Add(new OptionPosition(i, quantity, type, strike, years, vol));
            mtm += quantity * g.Price;
            delta[i] += quantity * g.Delta;
            gamma[i] += quantity * g.Gamma;
            vega[i] += quantity * g.Vega * 0.01;
        }

        var greeks = new UnderlyingGreeks[underlyings.Length];
        for (var i = 0; i < underlyings.Length; i++)
        {
            greeks[i] = new UnderlyingGreeks(underlyings[i], delta[i], delta[i] * assets[i].Spot, gamma[i], vega[i]);
        }

        var correlation = Correlation(underlyings.Length, options.CrossAssetCorrelation);
        var portfolio = positions.Count == 0 ? null : new RiskPortfolio(assets, correlation, positions, options.Rate);
        var hedged = held is not null && exposures.Any(e => e.Id.StartsWith(hedgePrefix, StringComparison.Ordinal));
        var holdings = new List<Position>(underlyings.Length);
        var units = 0.0;
        for (var i = 0; hedged && i < underlyings.Length; i++)
        {
            if (held!.TryGetValue(underlyings[i], out var q) && q > 0.0)
            {
                holdings.Add(new PerpPosition(i, q));
                units += q;
            }
        }

        return holdings.Count == 0
            ? new ExposurePortfolio(portfolio, mtm, hedges, greeks)
            : new ExposurePortfolio(portfolio, mtm, hedges, greeks, new RiskPortfolio(assets, correlation, [.. positions, .. holdings], options.Rate), new RiskPortfolio(assets, correlation, holdings, options.Rate), units);
    }

    /// <summary>The distinct underlyings in ordinal order (a book usually has one or two).</summary>
    private static string[] Underlyings(IReadOnlyList<Exposure> exposures)
    {
        var distinct = new List<string>(2);
        foreach (var e in exposures)
        {
            if (distinct.IndexOf(e.Underlying) < 0)
            {
                distinct.Add(e.Underlying);
            }
        }

        var underlyings = distinct.ToArray();
        Array.Sort(underlyings, StringComparer.Ordinal);
        return underlyings;
    }

    private static AssetMarket Market(IReadOnlyDictionary<string, AssetMarket> markets, string asset) =>
        markets.TryGetValue(asset, out var market)
            ? market
            : throw new InvalidOperationException($"No market for {asset}: exposures are accepted only on assets with an oracle price.");

    private static double[,] Correlation(int n, double rho)
    {
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = i == j ? 1.0 : rho;
            }
        }

        return c;
    }
}
