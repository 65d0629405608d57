namespace Mesh.Risk.Portfolio;

/// <summary>How simulated asset prices move over the horizon.</summary>
public enum ReturnModel
{
    /// <summary>Geometric Brownian motion: S' = S·exp(σ√h·Z − σ²h/2). Prices stay positive.</summary>
    LogNormal,

    /// <summary>Arithmetic: S' = S·(1 + σ√h·Z). Linear P&amp;L is exactly normal (delta-normal VaR).</summary>
    Normal,
}
