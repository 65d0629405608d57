using Mesh.Risk.Options;

namespace Mesh.Risk.Portfolio;

/// <summary>European option, fully repriced with Black-Scholes in every scenario and path.</summary>
/// <param name="AssetIndex">Index of the underlying.</param>
/// <param name="Quantity">Signed number of options.</param>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike (&gt; 0).</param>
/// <param name="Expiry">Time to expiry in years (&gt; 0).</param>
/// <param name="ImpliedVolatility">Implied volatility used for pricing (&gt; 0).</param>
public sealed record OptionPosition(int AssetIndex, double Quantity, OptionType Type, double Strike, double Expiry, double ImpliedVolatility)
    : Position(AssetIndex, Quantity);
