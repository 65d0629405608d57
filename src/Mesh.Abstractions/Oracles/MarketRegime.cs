namespace Mesh.Oracles;

/// <summary>The volatility regime an oracle's forecast puts its asset in.</summary>
[GenerateSerializer]
[Alias("mesh.oracle.regime")]
public enum MarketRegime
{
    /// <summary>Forecast volatility near or below its long-run level.</summary>
    Calm = 0,

    /// <summary>Forecast volatility clearly above its long-run level.</summary>
    Elevated = 1,

    /// <summary>Forecast volatility far above its long-run level.</summary>
    Stressed = 2,
}
