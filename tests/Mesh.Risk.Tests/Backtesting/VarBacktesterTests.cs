using Mesh.Risk.Backtesting;
using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Backtesting;

public sealed class VarBacktesterTests
{
    [Fact]
    public void Run_RecordingModel_SeesOnlyTheWindowBeforeEachForecastDay()
    {
        // Return t is t itself, so every history a model sees names its own days.
        var returns = Enumerable.Range(0, 100).Select(t => (double)t).ToArray();
        var model = new RecordingModel();

        var sut = VarBacktester.Run(returns, model, new VarBacktestOptions { EstimationWindow = 30, RefitInterval = 7 });

        Assert.Equal(70, sut.Observations);
        Assert.Equal(70, model.Forecasts.Count);
        for (var i = 0; i < model.Forecasts.Count; i++)
        {
            // The forecast for day 30 + i uses days i .. 29 + i: the window, and nothing from day 30 + i on.
            Assert.Equal(Enumerable.Range(i, 30).Select(t => (double)t), model.Forecasts[i]);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(k => 7 * k), model.Fits.Select(h => (int)h[0]));
        Assert.All(model.Fits, h => Assert.Equal(30, h.Length));
    }

    [Fact]
    public void Run_LossBeyondForecast_IsAnExceptionAndOnlyThen()
    {
        // A constant 5% VaR: returns below ln(0.95) ≈ −0.0513 are exceptions, −0.05 is not.
        double[] returns = [.. new double[40], -0.06, -0.05, 0.1, -0.2, 0.0];
        var sut = VarBacktester.Run(returns, new ConstantModel(0.05), new VarBacktestOptions { EstimationWindow = 40 });

        Assert.Equal([true, false, false, true, false], sut.ExceptionFlags);
        Assert.Equal(2, sut.Exceptions);
        Assert.Equal(5 * 0.01, sut.ExpectedExceptions, 1e-12);
        Assert.All(sut.Forecasts, v => Assert.Equal(0.05, v));
    }

    [Fact]
    public void Run_SeriesNoLongerThanWindow_Throws()
    {
        Assert.Throws<ArgumentException>(() => VarBacktester.Run(new double[365], new ConstantModel(0.05)));
    }

    private sealed class RecordingModel : IVarModel, IFittedVarModel
    {
        public List<double[]> Fits { get; } = [];

        public List<double[]> Forecasts { get; } = [];

        public string Name => "recording";

        public double Forecast(ReadOnlySpan<double> logReturns, double confidence)
        {
            Forecasts.Add(logReturns.ToArray());
            return 0.5;
        }

        public IFittedVarModel Fit(ReadOnlySpan<double> logReturns)
        {
            Fits.Add(logReturns.ToArray());
            return this;
        }
    }

    private sealed class ConstantModel(double var) : IVarModel, IFittedVarModel
    {
        public string Name => "constant";

        public double Forecast(ReadOnlySpan<double> logReturns, double confidence) => var;

        public IFittedVarModel Fit(ReadOnlySpan<double> logReturns) => this;
    }
}
