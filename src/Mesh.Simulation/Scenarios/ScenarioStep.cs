namespace Mesh.Simulation.Scenarios;

/// <summary>One moment of a scenario: the exogenous price and the market's liquidity from this offset until the next step.</summary>
/// <param name="Offset">Time since the scenario's start (the first step is at zero).</param>
/// <param name="Price">The exogenous ("fundamental") price, in whole quote units per whole unit of the asset; above zero.</param>
/// <param name="DepthMultiplier">The market depth relative to its baseline (1 is normal; 0.3 is depth down 70%); above zero.</param>
/// <param name="ReserveBase">An AMM pool's reserve of the asset at this moment, when the scenario came with reserves.</param>
/// <param name="ReserveQuote">The pool's reserve of the quote asset, when the scenario came with reserves.</param>
public sealed record ScenarioStep(
    TimeSpan Offset,
    decimal Price,
    double DepthMultiplier = 1.0,
    decimal? ReserveBase = null,
    decimal? ReserveQuote = null);
