using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>A vault's live exposures as a Mesh.Risk portfolio, and what they are worth and owe now.</summary>
internal sealed class ExposurePortfolio
{
    /// <summary>The portfolios a hedged book is margined with: margin = max(0, m(reported) + m(all + holdings) − m(reported + holdings)).</summary>
    /// <param name="Reported">The protocol's reported positions; null when it reported none.</param>
    /// <param name="ReportedWithHoldings">Those and the risky collateral held, as delta-one positions.</param>
    /// <param name="AllWithHoldings">Those, the holdings and the mesh's hedges.</param>
    /// <param name="HeldKey">What the holdings were built from (a cached shortfall is stale when it changes).</param>
    internal sealed record HedgedBook(RiskPortfolio? Reported, RiskPortfolio ReportedWithHoldings, RiskPortfolio AllWithHoldings, int HeldKey);

    private ExposurePortfolio(RiskPortfolio? portfolio, double markToMarket, double hedgeValue, IReadOnlyList<UnderlyingGreeks> greeks, HedgedBook? hedged = null)
    {
        Portfolio = portfolio;
        Hedged = hedged;
        MarkToMarket = markToMarket;
        HedgeValue = hedgeValue;
        Greeks = greeks;
    }

    /// <summary>Gets the live (unexpired) positions for margin; null when there are none.</summary>
    internal RiskPortfolio? Portfolio { get; }

    /// <summary>
    /// Gets, for a book with the mesh's hedges and risky collateral, the portfolios its margin is taken from (null
    /// otherwise): the reported exposures are margined as they would be without the hedges, and the hedges by the risk
    /// they add to the reported book and the collateral held together (the holdings' own risk is in their haircut), so
    /// that a hedge of the collateral is not margined as a naked short and a small hedge changes the margin a little.
    /// </summary>
    internal HedgedBook? Hedged { get; }

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
        var reported = new List<Position>(exposures.Count);
        var mtm = hedgeRealized;
        var hedges = hedgeRealized;
        foreach (var e in exposures)
        {
            var i = Array.IndexOf(underlyings, e.Underlying);
            var spot = assets[i].Spot;
            var quantity = (double)e.Size * (e.Side == PositionSide.Long ? 1.0 : -1.0);
            if (e.Kind == ExposureKind.Perp)
            {
                var perp = new PerpPosition(i, quantity);
                positions.Add(perp);
                var pnl = quantity * (spot - (double)e.EntryPrice!.Value);
                mtm += pnl;
                if (e.Id.StartsWith(hedgePrefix, StringComparison.Ordinal))
                {
                    hedges += pnl;
                }
                else
                {
                    reported.Add(perp);
                }

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
            var option = new OptionPosition(i, quantity, type, strike, years, vol);
            positions.Add(option);
            reported.Add(option); // the mesh hedges with perps only
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
        var holdings = new List<Position>(underlyings.Length);
        var heldKey = new HashCode();
        for (var i = 0; held is not null && reported.Count < positions.Count && i < underlyings.Length; i++)
        {
            if (held.TryGetValue(underlyings[i], out var q) && q > 0.0)
            {
                holdings.Add(new PerpPosition(i, q));
                heldKey.Add(underlyings[i], StringComparer.Ordinal);
                heldKey.Add(q);
            }
        }

        if (holdings.Count == 0)
        {
            return new ExposurePortfolio(portfolio, mtm, hedges, greeks);
        }

        RiskPortfolio Of(List<Position> p) => new(assets, correlation, p, options.Rate);
        var book = new HedgedBook(reported.Count == 0 ? null : Of(reported), Of([.. reported, .. holdings]), Of([.. positions, .. holdings]), heldKey.ToHashCode());
        return new ExposurePortfolio(portfolio, mtm, hedges, greeks, book);
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
