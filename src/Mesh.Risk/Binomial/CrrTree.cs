using Mesh.Risk.Options;

namespace Mesh.Risk.Binomial;

/// <summary>Cox-Ross-Rubinstein binomial tree for European and American options with continuous carry.</summary>
public static class CrrTree
{
    /// <summary>Price an option on a CRR tree and read delta, gamma and theta off the tree.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="style">European or American exercise.</param>
    /// <param name="spot">Underlying price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r.</param>
    /// <param name="dividendYield">Continuous carry q.</param>
    /// <param name="volatility">Volatility σ &gt; 0.</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    /// <param name="steps">Number of time steps (≥ 2).</param>
    /// <returns>The price and tree Greeks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of its domain, or the steps are too few for a
    /// risk-neutral probability in [0, 1].</exception>
    public static TreeResult Price(OptionType type, ExerciseStyle style, double spot, double strike, double rate, double dividendYield, double volatility, double time, int steps)
    {
        OptionGuard.Market(spot, strike, rate, dividendYield, volatility, time);
        OptionGuard.Positive(volatility, nameof(volatility));
        OptionGuard.Positive(time, nameof(time));
        if (steps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "A tree needs at least 2 steps for gamma.");
        }

        var (price, delta, gamma, theta) = Roll(type, style, spot, strike, rate, dividendYield, volatility, time, steps);
        const double dv = 0.01, dr = 0.0001;
        var vega = (Roll(type, style, spot, strike, rate, dividendYield, volatility + dv, time, steps).Price
            - Roll(type, style, spot, strike, rate, dividendYield, Math.Max(volatility - dv, volatility / 2), time, steps).Price)
            / (volatility + dv - Math.Max(volatility - dv, volatility / 2));
        var rho = (Roll(type, style, spot, strike, rate + dr, dividendYield, volatility, time, steps).Price
            - Roll(type, style, spot, strike, rate - dr, dividendYield, volatility, time, steps).Price) / (2 * dr);
        return new TreeResult(price, delta, gamma, theta, vega, rho);
    }

    private static (double Price, double Delta, double Gamma, double Theta) Roll(
        OptionType type, ExerciseStyle style, double spot, double strike, double rate, double dividendYield, double volatility, double time, int steps)
    {
        var dt = time / steps;
        var u = Math.Exp(volatility * Math.Sqrt(dt));
        var d = 1.0 / u;
        var p = (Math.Exp((rate - dividendYield) * dt) - d) / (u - d);
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Risk-neutral probability {p} is outside [0, 1]; use more steps.");
        }

        var disc = Math.Exp(-rate * dt);
        var pu = disc * p;
        var pd = disc * (1.0 - p);
        var sign = type == OptionType.Call ? 1.0 : -1.0;
        var american = style == ExerciseStyle.American;
        var values = new double[steps + 1];
        for (var j = 0; j <= steps; j++)
        {
            values[j] = Math.Max(sign * ((spot * Math.Pow(u, (2 * j) - steps)) - strike), 0.0);
        }

        double f20 = 0, f21 = 0, f22 = 0, f10 = 0, f11 = 0;
        for (var i = steps - 1; i >= 0; i--)
        {
            for (var j = 0; j <= i; j++)
            {
                var continuation = (pu * values[j + 1]) + (pd * values[j]);
                values[j] = american
                    ? Math.Max(continuation, sign * ((spot * Math.Pow(u, (2 * j) - i)) - strike))
                    : continuation;
            }

            if (i == 2)
            {
                (f20, f21, f22) = (values[0], values[1], values[2]);
            }
            else if (i == 1)
            {
                (f10, f11) = (values[0], values[1]);
            }
        }

        var su = spot * u;
        var sd = spot * d;
        var delta = (f11 - f10) / (su - sd);
        var suu = su * u;
        var sdd = sd * d;
        var gamma = (((f22 - f21) / (suu - spot)) - ((f21 - f20) / (spot - sdd))) / (0.5 * (suu - sdd));
        var theta = (f21 - values[0]) / (2.0 * dt);
        return (values[0], delta, gamma, theta);
    }
}
