namespace Mesh.Risk.Portfolio;

/// <summary>Monte Carlo value-at-risk and expected shortfall, as positive losses, with batch-means standard errors.</summary>
/// <param name="Var95">95% VaR.</param>
/// <param name="Var99">99% VaR.</param>
/// <param name="Es95">95% expected shortfall (mean loss beyond VaR95).</param>
/// <param name="Es99">99% expected shortfall.</param>
/// <param name="Var95StdError">Standard error of <paramref name="Var95"/>.</param>
/// <param name="Var99StdError">Standard error of <paramref name="Var99"/>.</param>
/// <param name="Es95StdError">Standard error of <paramref name="Es95"/>.</param>
/// <param name="Es99StdError">Standard error of <paramref name="Es99"/>.</param>
/// <param name="MeanPnL">Mean simulated P&amp;L.</param>
/// <param name="Paths">Number of paths simulated.</param>
public sealed record VarResult(
    double Var95,
    double Var99,
    double Es95,
    double Es99,
    double Var95StdError,
    double Var99StdError,
    double Es95StdError,
    double Es99StdError,
    double MeanPnL,
    int Paths);
