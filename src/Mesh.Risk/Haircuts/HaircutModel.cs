using Mesh.Risk.Distributions;
using Mesh.Risk.Var;

namespace Mesh.Risk.Haircuts;

/// <summary>
/// Dynamic collateral haircut = price risk over the liquidation horizon at a confidence level
/// (1 − exp(−q·σ·√h), q the quantile of a unit-variance Student-t tail, or of a normal one) + expected market impact of selling (Y·σ_daily·√(Q/V)) + wrong-way add-on, capped.
/// Every component is non-decreasing in volatility and size, so the haircut is too.
/// </summary>
public static class HaircutModel
{
    /// <summary>The last tail quantile computed, with its inputs: every vault revaluation asks for the same one, and a Student-t quantile takes a root search.</summary>
    private static TailQuantile? _lastQuantile;

    /// <summary>Computes the haircut of a collateral position.</summary>
    /// <param name="input">The position.</param>
    /// <param name="options">Model settings; defaults when null.</param>
    /// <returns>The haircut and its components.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input or setting is out of its domain.</exception>
    public static HaircutResult Compute(HaircutInput input, HaircutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new HaircutOptions();
        options.Validate();
        if (!(input.AnnualVolatility >= 0) || !double.IsFinite(input.AnnualVolatility))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.AnnualVolatility, "AnnualVolatility must be finite and non-negative.");
        }

        var z = Quantile(options.Confidence, options.TailDegreesOfFreedom);
        var horizonVol = input.AnnualVolatility * Math.Sqrt(options.LiquidationHorizonDays / options.DaysPerYear);
        var priceRisk = 1.0 - Math.Exp(-z * horizonVol);
        var dailyVol = input.AnnualVolatility / Math.Sqrt(options.DaysPerYear);
        var impact = MarketImpact.SquareRoot(dailyVol, input.Quantity, input.DailyVolume, options.ImpactCoefficient);
        var wrongWay = WrongWayRisk.AddOn(input.CorrelationWithExposure, priceRisk, options.WrongWayMultiplier);
        var total = Math.Min(priceRisk + impact + wrongWay, options.MaxHaircut);
        return new HaircutResult(total, priceRisk, impact, wrongWay);
    }

    private static double Quantile(double confidence, double? degreesOfFreedom)
    {
        if (_lastQuantile is { } last && last.Confidence == confidence && last.DegreesOfFreedom == degreesOfFreedom)
        {
            return last.Value;
        }

        var z = degreesOfFreedom is { } nu
            ? StudentTDistribution.StandardizedInverseCdf(confidence, nu)
            : NormalDistribution.InverseCdf(confidence);
        _lastQuantile = new TailQuantile(confidence, degreesOfFreedom, z);
        return z;
    }

    private sealed record TailQuantile(double Confidence, double? DegreesOfFreedom, double Value);
}
