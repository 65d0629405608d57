using Mesh.Risk.Distributions;
using Mesh.Risk.Volatility;

namespace Mesh.Risk.Var;

/// <summary>
/// RiskMetrics VaR: EWMA variance with decay λ, zero mean, normal quantile. The baseline: it has no parameters to
/// estimate, so it is its own fitted model.
/// </summary>
internal sealed class NormalEwmaVarModel(double lambda) : IVarModel, IFittedVarModel
{
    public string Name => $"Normal EWMA (λ = {lambda:0.00})";

    public double Forecast(ReadOnlySpan<double> logReturns, double confidence)
    {
        VarMath.ValidateConfidence(confidence);
        VarMath.ValidateReturns(logReturns, 1);
        var variance = VarMath.MeanSquare(logReturns);
        foreach (var r in logReturns)
        {
            variance = Ewma.UpdateVariance(variance, r, lambda);
        }

        return VarMath.LossFraction(Math.Sqrt(variance) * NormalDistribution.InverseCdf(1.0 - confidence));
    }

    public IFittedVarModel Fit(ReadOnlySpan<double> logReturns)
    {
        VarMath.ValidateReturns(logReturns, 1);
        return this;
    }
}
