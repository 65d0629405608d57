namespace Mesh.Risk.Volatility;

/// <summary>Market volatility regime relative to the long-run level.</summary>
public enum VolatilityRegime
{
    /// <summary>Forecast volatility is at or below the elevated threshold.</summary>
    Calm,

    /// <summary>Forecast volatility is above the elevated but below the stressed threshold.</summary>
    Elevated,

    /// <summary>Forecast volatility is at or above the stressed threshold.</summary>
    Stressed,
}
