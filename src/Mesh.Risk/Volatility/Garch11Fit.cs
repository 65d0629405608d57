namespace Mesh.Risk.Volatility;

/// <summary>Outcome of a GARCH(1,1) maximum-likelihood fit.</summary>
/// <param name="Model">The fitted parameters.</param>
/// <param name="LogLikelihood">The maximised Gaussian log-likelihood.</param>
/// <param name="CurrentVariance">The filtered variance for the period after the last return.</param>
/// <param name="Iterations">Optimiser iterations used.</param>
/// <param name="Converged">Whether the optimiser met its tolerance.</param>
public sealed record Garch11Fit(Garch11 Model, double LogLikelihood, double CurrentVariance, int Iterations, bool Converged);
