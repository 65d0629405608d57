namespace Mesh.Risk.Backtesting;

/// <summary>Settings of a rolling-window VaR backtest (<see cref="VarBacktester"/>).</summary>
public sealed class VarBacktestOptions
{
    /// <summary>Gets or sets the number of past daily returns each forecast sees (a rolling window).</summary>
    /// <value>The default is 365: one year of 24/7 crypto days, the minimum observation period of the Basel VaR rules.</value>
    public int EstimationWindow { get; set; } = 365;

    /// <summary>Gets or sets how many forecast days pass between parameter re-estimations.</summary>
    /// <value>The default is 20; between refits the fitted parameters are reused and only the filter runs.</value>
    public int RefitInterval { get; set; } = 20;

    /// <summary>Gets or sets the VaR confidence.</summary>
    /// <value>The default is 0.99.</value>
    public double Confidence { get; set; } = 0.99;

    /// <summary>Gets or sets the test size used by <see cref="VarBacktestResult.Passes"/>.</summary>
    /// <value>The default is 0.05.</value>
    public double Significance { get; set; } = 0.05;

    internal void Validate()
    {
        if (EstimationWindow < 30 || RefitInterval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EstimationWindow), $"{nameof(VarBacktestOptions)}: need {nameof(EstimationWindow)} ≥ 30 and {nameof(RefitInterval)} ≥ 1.");
        }

        if (!(Confidence > 0.5 && Confidence < 1.0) || !(Significance > 0.0 && Significance < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), $"{nameof(VarBacktestOptions)}: need 0.5 < {nameof(Confidence)} < 1 and 0 < {nameof(Significance)} < 1.");
        }
    }
}
