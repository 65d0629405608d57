using Mesh.Risk.Distributions;
using Mesh.Risk.Options;

namespace Mesh.Risk.Portfolio;

/// <content>The margin alone, for revaluing many books on every price tick.</content>
public static partial class ScenarioMargin
{
    /// <summary>
    /// Computes the same margin as <see cref="Compute"/>, bit for bit, without the per-scenario detail: the same grid and
    /// the same floating-point operations in the same order, with what does not change across an option's scenarios
    /// (its discount factors, the square root of its remaining time, the log-moneyness shared by the vol-down and vol-up
    /// scenarios of a price) computed once, and nothing allocated but a scratch buffer on the stack.
    /// </summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="options">Grid settings; defaults when null.</param>
    /// <returns>The sum of the per-asset scanning risks.</returns>
    public static double Margin(RiskPortfolio portfolio, ScenarioMarginOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        options ??= new ScenarioMarginOptions();
        options.Validate();
        var elapsed = options.HorizonDays / options.DaysPerYear;
        var positions = portfolio.Positions;
        var margin = 0.0;
        Span<bool> held = portfolio.Assets.Count <= 64 ? stackalloc bool[portfolio.Assets.Count] : new bool[portfolio.Assets.Count];
        foreach (var p in positions)
        {
            held[p.AssetIndex] = true;
        }

        for (var a = 0; a < portfolio.Assets.Count; a++)
        {
            if (held[a])
            {
                margin += Math.Max(WorstLoss(portfolio, a, elapsed, options), 0.0);
            }
        }

        return margin;
    }

    /// <summary>The worst weighted loss of one asset's grid, as <see cref="Compute"/>'s <c>MaxBy</c> finds it.</summary>
    private static double WorstLoss(RiskPortfolio portfolio, int asset, double elapsed, ScenarioMarginOptions options)
    {
        var spot = portfolio.Assets[asset].Spot;
        var linear = 0.0;
        var count = 0;
        foreach (var p in portfolio.Positions)
        {
            if (p is OptionPosition)
            {
                count += p.AssetIndex == asset ? 1 : 0;
            }
            else if (p.AssetIndex == asset)
            {
                linear += p.Quantity;
            }
        }

        Span<GridOption> book = count <= 32 ? stackalloc GridOption[count] : new GridOption[count];
        var k = 0;
        foreach (var p in portfolio.Positions)
        {
            if (p is OptionPosition o && o.AssetIndex == asset)
            {
                book[k++] = GridOption.Of(o, spot, portfolio.Rate, elapsed);
            }
        }

        var worst = 0.0;
        var first = true;
        var volDown = 1 + -options.VolScanRange;
        var volUp = 1 + options.VolScanRange;
        for (var step = -options.PriceSteps; step <= options.PriceSteps; step++)
        {
            var moved = spot * (1 + (options.PriceScanRange * step / options.PriceSteps));
            var (down, up) = PnL(book, linear * (moved - spot), moved, volDown, volUp);
            Keep(-down, ref worst, ref first);
            Keep(-up, ref worst, ref first);
        }

        foreach (var direction in (ReadOnlySpan<double>)[-1.0, 1.0])
        {
            var moved = spot * (1 + (direction * options.PriceScanRange * options.ExtremeMoveMultiple));
            var (pnl, _) = PnL(book, linear * (moved - spot), moved, 1.0, double.NaN);
            Keep(options.ExtremeCoverFraction * -pnl, ref worst, ref first);
        }

        return worst;
    }

    /// <summary>The P&amp;L at <paramref name="moved"/> under two vol multipliers (the second skipped when NaN).</summary>
    private static (double First, double Second) PnL(ReadOnlySpan<GridOption> book, double linearPnL, double moved, double volFirst, double volSecond)
    {
        var first = linearPnL;
        var second = linearPnL;
        var both = !double.IsNaN(volSecond);
        for (var j = 0; j < book.Length; j++)
        {
            ref readonly var o = ref book[j];
            var sq = moved * o.DividendDiscount;
            var logMoneyness = Math.Log(sq / o.DiscountedStrike);
            first += o.Quantity * (o.Price(sq, logMoneyness, volFirst) - o.Base);
            if (both)
            {
                second += o.Quantity * (o.Price(sq, logMoneyness, volSecond) - o.Base);
            }
        }

        return (first, second);
    }

    /// <summary><c>MaxBy</c>'s rule: the first scenario wins ties, and a NaN loss never replaces a number.</summary>
    private static void Keep(double loss, ref double worst, ref bool first)
    {
        if (first || loss.CompareTo(worst) > 0)
        {
            worst = loss;
            first = false;
        }
    }

    /// <summary>One option with what its grid prices share (the same values <c>BlackScholes.PriceUnchecked</c> computes).</summary>
    private readonly struct GridOption
    {
        private readonly double _sign;
        private readonly double _volatility;
        private readonly double _sqrtTime;

        private GridOption(double quantity, double sign, double volatility, double dividendDiscount, double discountedStrike, double sqrtTime, double basePrice)
        {
            Quantity = quantity;
            _sign = sign;
            _volatility = volatility;
            DividendDiscount = dividendDiscount;
            DiscountedStrike = discountedStrike;
            _sqrtTime = sqrtTime;
            Base = basePrice;
        }

        public double Quantity { get; }

        public double DividendDiscount { get; }

        public double DiscountedStrike { get; }

        public double Base { get; }

        public static GridOption Of(OptionPosition o, double spot, double rate, double elapsed)
        {
            var remaining = Math.Max(o.Expiry - elapsed, 0.0);
            var basePrice = BlackScholes.PriceUnchecked(o.Type, spot, o.Strike, rate, 0.0, o.ImpliedVolatility, o.Expiry);
            var sign = o.Type == OptionType.Call ? 1.0 : -1.0;
            return new GridOption(o.Quantity, sign, o.ImpliedVolatility, Math.Exp(-0.0 * remaining), o.Strike * Math.Exp(-rate * remaining), Math.Sqrt(remaining), basePrice);
        }

        /// <summary><c>BlackScholes.PriceUnchecked</c> at spot×dividend discount <paramref name="sq"/>, implied vol × <paramref name="volMultiplier"/>.</summary>
        public double Price(double sq, double logMoneyness, double volMultiplier)
        {
            var sd = _volatility * volMultiplier * _sqrtTime;
            if (sd == 0.0)
            {
                return Math.Max(_sign * (sq - DiscountedStrike), 0.0);
            }

            var d1 = (logMoneyness / sd) + (0.5 * sd);
            var d2 = d1 - sd;
            return _sign * ((sq * NormalDistribution.Cdf(_sign * d1)) - (DiscountedStrike * NormalDistribution.Cdf(_sign * d2)));
        }
    }
}
