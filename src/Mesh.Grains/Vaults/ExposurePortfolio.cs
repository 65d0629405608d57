using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>A vault's live exposures as a Mesh.Risk portfolio, and what they are worth and owe now.</summary>
internal sealed class ExposurePortfolio
{
    private ExposurePortfolio(RiskPortfolio? portfolio, double markToMarket, IReadOnlyList<UnderlyingGreeks> greeks)
    {
        Portfolio = portfolio;
        MarkToMarket = markToMarket;
        Greeks = greeks;
    }

    /// <summary>Gets the live (unexpired) positions for margin; null when there are none.</summary>
    internal RiskPortfolio? Portfolio { get; }

    /// <summary>Gets the book's value now in USD: options at Black-Scholes value (expired ones at intrinsic), perps at unrealized P&amp;L.</summary>
    internal double MarkToMarket { get; }

    /// <summary>Gets the net sensitivities per underlying.</summary>
    internal IReadOnlyList<UnderlyingGreeks> Greeks { get; }

    internal static ExposurePortfolio Build(IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, AssetMarket> markets, DateTimeOffset now, VaultRiskOptions options)
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
        var mtm = 0.0;
        foreach (var e in exposures)
        {
            var i = Array.IndexOf(underlyings, e.Underlying);
            var spot = assets[i].Spot;
            var quantity = (double)e.Size * (e.Side == PositionSide.Long ? 1.0 : -1.0);
            if (e.Kind == ExposureKind.Perp)
            {
                positions.Add(new PerpPosition(i, quantity));
                mtm += quantity * (spot - (double)e.EntryPrice!.Value);
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

        var portfolio = positions.Count == 0 ? null : new RiskPortfolio(assets, Correlation(underlyings.Length, options.CrossAssetCorrelation), positions, options.Rate);
        return new ExposurePortfolio(portfolio, mtm, greeks);
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
