using Mesh.Risk.Distributions;

namespace Mesh.Risk.Options;

/// <summary>
/// Black-Scholes-Merton implied volatility. Converges for every price strictly inside the no-arbitrage bounds,
/// including deep in/out of the money and very short expiries, and returns a typed failure outside them.
/// </summary>
/// <remarks>
/// The price is converted to the out-of-the-money option on the forward (put-call parity) and normalised by √(FK);
/// Halley's method (Newton with an analytic curvature correction) then runs on ln b(s) in the total volatility
/// s = σ√T. ln b is concave and increasing in s; a bracket [lo, hi] with bisection fallback guards every step. The initial guess blends the at-the-money (Brenner-Subrahmanyam) and far-tail asymptotics.
/// </remarks>
public static class ImpliedVolatility
{
    private const int MaxIterations = 100;

    /// <summary>Relative Halley step after which the next iterate is final (its error is about the step cubed).</summary>
    internal const double ConvergedHalleyStep = 1e-6;

    /// <summary>Relative Newton or bisection step after which the next iterate is final.</summary>
    internal const double ConvergedStep = 1e-10;

    /// <summary>Solve for the volatility that reproduces <paramref name="price"/>.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="price">The observed option price (present value).</param>
    /// <param name="spot">Underlying price S &gt; 0.</param>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="rate">Continuously compounded risk-free rate r.</param>
    /// <param name="dividendYield">Continuous carry q.</param>
    /// <param name="time">Time to expiry T &gt; 0 in years.</param>
    /// <returns>The volatility, or a failure when the price is outside the no-arbitrage bounds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A market input is NaN, infinite or out of its domain.</exception>
    public static ImpliedVolResult Solve(OptionType type, double price, double spot, double strike, double rate, double dividendYield, double time)
    {
        OptionGuard.Finite(price, nameof(price));
        OptionGuard.Positive(spot, nameof(spot));
        OptionGuard.Positive(strike, nameof(strike));
        OptionGuard.Finite(rate, nameof(rate));
        OptionGuard.Finite(dividendYield, nameof(dividendYield));
        OptionGuard.Positive(time, nameof(time));
        return SolveUnchecked(type, price, spot, strike, rate, dividendYield, time);
    }

    internal static ImpliedVolResult SolveUnchecked(OptionType type, double price, double spot, double strike, double rate, double dividendYield, double time)
    {
        var forward = spot * Math.Exp((rate - dividendYield) * time);
        var undiscounted = price * Math.Exp(rate * time);
        var x = Math.Log(forward / strike);
        var isCall = type == OptionType.Call;
        var intrinsic = isCall ? Math.Max(forward - strike, 0.0) : Math.Max(strike - forward, 0.0);
        var upper = isCall ? forward : strike;
        if (undiscounted >= upper)
        {
            return ImpliedVolResult.Fail(ImpliedVolFailure.AboveUpperBound);
        }

        var timeValue = undiscounted - intrinsic;
        if (timeValue < 0.0)
        {
            return ImpliedVolResult.Fail(ImpliedVolFailure.BelowIntrinsic);
        }

        if (timeValue == 0.0)
        {
            return new ImpliedVolResult(0.0, ImpliedVolFailure.None, 0);
        }

        // The time value is the price of the out-of-the-money option; by symmetry use x <= 0.
        var xn = -Math.Abs(x);
        var logBeta = Math.Log(timeValue / Math.Sqrt(forward * strike));
        if (logBeta >= 0.5 * xn)
        {
            return ImpliedVolResult.Fail(ImpliedVolFailure.AboveUpperBound);
        }

        var (s, iterations) = SolveTotalVolatility(xn, logBeta);
        if (double.IsNaN(s))
        {
            return new ImpliedVolResult(double.NaN, ImpliedVolFailure.NotConverged, iterations);
        }

        return new ImpliedVolResult(s / Math.Sqrt(time), ImpliedVolFailure.None, iterations);
    }

    private static (double S, int Iterations) SolveTotalVolatility(double x, double logBeta)
    {
        var s = InitialGuess(x, logBeta);
        double lo = 0.0, hi = double.PositiveInfinity;
        for (var i = 1; i <= MaxIterations; i++)
        {
            var f = NormalizedBlack.LogPrice(x, s, out var slope) - logBeta;
            if (f == 0.0)
            {
                return (s, i);
            }

            if (f > 0.0)
            {
                hi = s;
            }
            else
            {
                lo = s;
            }

            // Halley step: ln b has g'' = g'·(x²/s³ − s/4) − g'², so the third-order correction costs no extra call.
            var newton = f / slope;
            var curvature = (slope * ((x * x / (s * s * s)) - (0.25 * s))) - (slope * slope);
            var denominator = 1.0 - (0.5 * newton * curvature / slope);
            var halley = denominator > 0.5;
            var step = halley ? newton / denominator : newton;
            var next = s - step;

            // A Halley step shrinks the relative error e to about e³ (ln b is close to a power law in s, so the
            // constant is of order one): after a step below 1e-6 relative the new iterate is exact to rounding and
            // needs no confirming evaluation. Newton steps converge quadratically and keep a 1e-10 test. A step
            // that small is accepted even if rounding puts it a hair outside the bracket.
            var small = Math.Abs(step) <= (halley ? ConvergedHalleyStep : ConvergedStep) * s;
            if (!small && !(next > lo && next < hi))
            {
                next = double.IsPositiveInfinity(hi) ? 2.0 * s : 0.5 * (lo + hi);
            }

            if (small || Math.Abs(next - s) <= ConvergedStep * s || (hi - lo) <= 4e-16 * lo)
            {
                return (next, i);
            }

            s = next;
        }

        return (double.NaN, MaxIterations);
    }

    private static double InitialGuess(double x, double logBeta)
    {
        // At the money b ≈ s/√(2π); far from it ln b ≈ −x²/(2s²). Both underestimate, so start at the larger.
        var atm = NormalDistribution.Sqrt2Pi * Math.Exp(logBeta - (0.5 * x));
        var tail = x < 0.0 ? -x / Math.Sqrt(-2.0 * logBeta) : 0.0;
        return Math.Max(Math.Min(atm, 10.0), tail);
    }
}
