namespace Mesh.Risk.Volatility;

/// <summary>One expiry of a volatility surface.</summary>
/// <param name="Expiry">Time to expiry in years.</param>
/// <param name="Parameters">The raw SVI parameters of the slice.</param>
public sealed record SviSlice(double Expiry, SviParameters Parameters);
