using Mesh.Risk.Backtesting;
using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Backtesting;

/// <summary>
/// One-day 99% VaR backtests on the real daily closes shipped under Data/ (see Data/README.md): one-year rolling
/// window, parameters re-estimated every 20 days, no look-ahead.
/// </summary>
public sealed class CryptoVarBacktestTests
{
    private static readonly VarBacktestOptions Options = new() { EstimationWindow = 365, RefitInterval = 20, Confidence = 0.99 };

    private static readonly Dictionary<string, Lazy<VarBacktestResult>> Recommended = PriceHistory.Assets.ToDictionary(
        asset => asset,
        asset => new Lazy<VarBacktestResult>(() => VarBacktester.Run(PriceHistory.Returns(asset), VarModels.Recommended, Options)));

    public static TheoryData<string> Assets => new(PriceHistory.Assets);

    [Theory]
    [MemberData(nameof(Assets))]
    public void Run_RecommendedModelOnRealHistory_PassesKupiecAndChristoffersenAtFivePercent(string asset)
    {
        var sut = Recommended[asset].Value;

        Assert.True(sut.Observations >= 1000, $"{asset}: only {sut.Observations} forecast days");
        Assert.True(sut.Kupiec.PValue > 0.05, $"{asset}: Kupiec p = {sut.Kupiec.PValue:F4} with {sut.Exceptions} exceptions, {sut.ExpectedExceptions:F1} expected");
        Assert.True(sut.Independence.PValue > 0.05, $"{asset}: Christoffersen independence p = {sut.Independence.PValue:F4}");
        Assert.True(sut.Passes);
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public void Run_NormalEwmaBaselineOnRealHistory_HasTooManyExceptionsAndFailsKupiec(string asset)
    {
        var sut = VarBacktester.Run(PriceHistory.Returns(asset), VarModels.NormalEwma(), Options);
        var recommended = Recommended[asset].Value;

        // The measured fact on both shipped assets: RiskMetrics' normal quantile is too thin for crypto tails.
        Assert.True(sut.Exceptions > sut.ExpectedExceptions, $"{asset}: {sut.Exceptions} exceptions, {sut.ExpectedExceptions:F1} expected");
        Assert.False(sut.Kupiec.Passes(0.05), $"{asset}: Kupiec p = {sut.Kupiec.PValue:F4}");
        Assert.True(sut.Exceptions > recommended.Exceptions);
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public void Load_ShippedHistory_IsLongContiguousAndAvoidsHeldOutDates(string asset)
    {
        var (dates, closes) = PriceHistory.Load(asset);

        Assert.True(closes.Length - 1 >= 1000, $"{asset}: {closes.Length - 1} returns");
        Assert.All(closes, c => Assert.True(c > 0.0 && double.IsFinite(c)));
        foreach (var heldOut in PriceHistory.HeldOutDates)
        {
            Assert.False(dates[0] <= heldOut && heldOut <= dates[^1], $"{asset}: {dates[0]}..{dates[^1]} contains {heldOut}");
        }
    }
}
