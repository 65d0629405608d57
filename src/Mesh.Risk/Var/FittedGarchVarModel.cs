using Mesh.Risk.Distributions;
using Mesh.Risk.Volatility;

namespace Mesh.Risk.Var;

/// <summary>A GARCH VaR model with fixed ω, α, β (and ν for Student-t innovations).</summary>
internal sealed class FittedGarchVarModel(Garch11 model, GarchInnovation innovation, double degreesOfFreedom) : IFittedVarModel
{
    /// <summary>Gets the fitted variance process.</summary>
    internal Garch11 Model => model;

    /// <summary>Gets the fitted Student-t degrees of freedom (NaN for other innovations).</summary>
    internal double DegreesOfFreedom => degreesOfFreedom;

    public double Forecast(ReadOnlySpan<double> logReturns, double confidence)
    {
        VarMath.ValidateConfidence(confidence);
        VarMath.ValidateReturns(logReturns, GarchVarModel.MinimumReturns);
        var tail = 1.0 - confidence;
        double[]? variances = innovation == GarchInnovation.Empirical ? new double[logReturns.Length] : null;
        var next = VarMath.FilterGarch(model, logReturns, variances);
        var z = innovation switch
        {
            GarchInnovation.Normal => NormalDistribution.InverseCdf(tail),
            GarchInnovation.StudentT => StudentTDistribution.StandardizedInverseCdf(tail, degreesOfFreedom),
            _ => EmpiricalQuantile(logReturns, variances!, tail),
        };

        return VarMath.LossFraction(Math.Sqrt(next) * z);
    }

    /// <summary>The empirical quantile of zₜ = rₜ/σₜ; overwrites the variances with the standardized residuals.</summary>
    private static double EmpiricalQuantile(ReadOnlySpan<double> logReturns, double[] variances, double probability)
    {
        var residuals = variances;
        for (var t = 0; t < residuals.Length; t++)
        {
            residuals[t] = logReturns[t] / Math.Sqrt(variances[t]);
        }

        Array.Sort(residuals);
        return VarMath.SortedQuantile(residuals, probability);
    }
}
