namespace Mesh.Risk.Binomial;

/// <summary>Price and Greeks from a binomial tree.</summary>
/// <param name="Price">Present value at the root.</param>
/// <param name="Delta">∂V/∂S from the first step of the tree.</param>
/// <param name="Gamma">∂²V/∂S² from the second step of the tree.</param>
/// <param name="Theta">Value change per year as time passes, from the two-step recombining node.</param>
/// <param name="Vega">∂V/∂σ per unit volatility, by central re-pricing (±0.01 vol).</param>
/// <param name="Rho">∂V/∂r per unit rate, by central re-pricing (±0.0001).</param>
public readonly record struct TreeResult(double Price, double Delta, double Gamma, double Theta, double Vega, double Rho);
