using Mesh.Risk.Distributions;

namespace Mesh.Risk.Options;

/// <summary>
/// Black-Scholes-Merton pricing of European options with a continuous carry (dividend yield or foreign rate)
/// <c>q</c>: prices and the Greeks delta, gamma, vega, theta, rho and dividend rho.
/// </summary>
/// <remarks>
/// Units: <c>rate</c>, <c>dividendYield</c> and <c>volatility</c> are annualised decimals (0.05 = 5%), <c>time</c>
/// is in years. With zero volatility or zero time the option is worth its discounted forward intrinsic value.
/// </remarks>
public static class BlackScholes
{
    /// <summary>Price of a European option.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Underlying price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r.</param>
    /// <param name="dividendYield">Continuous carry / dividend yield q.</param>
    /// <param name="volatility">Volatility σ ≥ 0.</param>
    /// <param name="time">Time to expiry T ≥ 0 in years.</param>
    /// <returns>The present value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN, infinite or out of its domain.</exception>
    public static double Price(OptionType type, double spot, double strike, double rate, double dividendYield, double volatility, double time)
    {
        OptionGuard.Market(spot, strike, rate, dividendYield, volatility, time);
        return PriceUnchecked(type, spot, strike, rate, dividendYield, volatility, time);
    }

    /// <summary>Price and all Greeks of a European option.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Underlying price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r.</param>
    /// <param name="dividendYield">Continuous carry / dividend yield q.</param>
    /// <param name="volatility">Volatility σ ≥ 0.</param>
    /// <param name="time">Time to expiry T ≥ 0 in years.</param>
    /// <returns>The price and Greeks; see <see cref="OptionGreeks"/> for units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is NaN, infinite or out of its domain.</exception>
    public static OptionGreeks Greeks(OptionType type, double spot, double strike, double rate, double dividendYield, double volatility, double time)
    {
        OptionGuard.Market(spot, strike, rate, dividendYield, volatility, time);
        var dq = Math.Exp(-dividendYield * time);
        var dr = Math.Exp(-rate * time);
        var sd = volatility * Math.Sqrt(time);
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        if (sd == 0.0)
        {
            var fwdIntrinsic = sign * ((spot * dq) - (strike * dr));
            var itm = fwdIntrinsic > 0.0;
            return new OptionGreeks(
                Price: itm ? fwdIntrinsic : 0.0,
                Delta: itm ? sign * dq : 0.0,
                Gamma: 0.0,
                Vega: 0.0,
                Theta: itm ? sign * ((dividendYield * spot * dq) - (rate * strike * dr)) : 0.0,
                Rho: itm ? sign * strike * time * dr : 0.0,
                DividendRho: itm ? -sign * spot * time * dq : 0.0);
        }

        var d1 = (Math.Log(spot / strike) + ((rate - dividendYield + (0.5 * volatility * volatility)) * time)) / sd;
        var d2 = d1 - sd;
        var nd1 = NormalDistribution.Cdf(sign * d1);
        var nd2 = NormalDistribution.Cdf(sign * d2);
        var pdf = NormalDistribution.Pdf(d1);
        var sq = spot * dq;
        var kr = strike * dr;
        var decay = -sq * pdf * volatility / (2.0 * Math.Sqrt(time));
        return new OptionGreeks(
            Price: sign * ((sq * nd1) - (kr * nd2)),
            Delta: sign * dq * nd1,
            Gamma: dq * pdf / (spot * sd),
            Vega: sq * pdf * Math.Sqrt(time),
            Theta: decay + (sign * ((dividendYield * sq * nd1) - (rate * kr * nd2))),
            Rho: sign * strike * time * dr * nd2,
            DividendRho: -sign * time * sq * nd1);
    }

    /// <summary>Price without input validation, for inner loops whose inputs are already validated.</summary>
    internal static double PriceUnchecked(OptionType type, double spot, double strike, double rate, double dividendYield, double volatility, double time)
    {
        var sq = spot * Math.Exp(-dividendYield * time);
        var kr = strike * Math.Exp(-rate * time);
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        var sd = volatility * Math.Sqrt(time);
        if (sd == 0.0)
        {
            return Math.Max(sign * (sq - kr), 0.0);
        }

        var d1 = (Math.Log(sq / kr) / sd) + (0.5 * sd);
        var d2 = d1 - sd;
        return sign * ((sq * NormalDistribution.Cdf(sign * d1)) - (kr * NormalDistribution.Cdf(sign * d2)));
    }
}
