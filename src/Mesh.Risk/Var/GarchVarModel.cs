using Mesh.Risk.Volatility;

namespace Mesh.Risk.Var;

/// <summary>
/// GARCH(1,1) VaR: the variance is fitted by Gaussian quasi-maximum likelihood (<see cref="Garch11Estimator"/>),
/// which is consistent whatever the innovation law; the quantile of the standardized return then comes from the
/// chosen innovation distribution. Zero mean.
/// </summary>
internal sealed class GarchVarModel(GarchInnovation innovation) : IVarModel
{
    /// <summary>The fewest returns a fit accepts (the estimator's own minimum).</summary>
    internal const int MinimumReturns = 30;

    public string Name => innovation switch
    {
        GarchInnovation.Normal => "GARCH(1,1) normal",
        GarchInnovation.StudentT => "GARCH(1,1) Student-t",
        _ => "GARCH(1,1) filtered historical simulation",
    };

    public double Forecast(ReadOnlySpan<double> logReturns, double confidence) => Fit(logReturns).Forecast(logReturns, confidence);

    public IFittedVarModel Fit(ReadOnlySpan<double> logReturns)
    {
        VarMath.ValidateReturns(logReturns, MinimumReturns);
        var model = Garch11Estimator.Fit(logReturns).Model;
        var degreesOfFreedom = double.NaN;
        if (innovation == GarchInnovation.StudentT)
        {
            var variances = new double[logReturns.Length];
            VarMath.FilterGarch(model, logReturns, variances);
            var standardized = new double[logReturns.Length];
            for (var t = 0; t < standardized.Length; t++)
            {
                standardized[t] = logReturns[t] / Math.Sqrt(variances[t]);
            }

            degreesOfFreedom = StudentTFit.DegreesOfFreedom(standardized);
        }

        return new FittedGarchVarModel(model, innovation, degreesOfFreedom);
    }
}
