namespace Mesh.Risk.Volatility;

/// <summary>A log-moneyness where a slice's implied density is negative (g(k) &lt; 0).</summary>
/// <param name="Expiry">The slice's expiry in years.</param>
/// <param name="K">Log-moneyness ln(K/F).</param>
/// <param name="G">The value of g(k).</param>
public sealed record ButterflyViolation(double Expiry, double K, double G);
