namespace Mesh.Risk.Options;

/// <summary>Price and sensitivities of an option under Black-Scholes-Merton.</summary>
/// <param name="Price">Present value.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Vega">∂V/∂σ per unit of volatility (1.00 = 100 vol points).</param>
/// <param name="Theta">∂V/∂t per year of calendar time (the value change as time passes, i.e. −∂V/∂T).</param>
/// <param name="Rho">∂V/∂r per unit of rate.</param>
/// <param name="DividendRho">∂V/∂q per unit of carry / dividend yield.</param>
public readonly record struct OptionGreeks(
    double Price,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double Rho,
    double DividendRho);
