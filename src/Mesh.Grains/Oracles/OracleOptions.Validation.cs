namespace Mesh.Grains.Oracles;

/// <content>Start-up validation, naming the setting at fault.</content>
public sealed partial class OracleOptions
{
    /// <summary>Gets the return intervals per year, for annualising per-interval volatility.</summary>
    internal double ReturnsPerYear => DaysPerYear * TimeSpan.TicksPerDay / ReturnInterval.Ticks;

    /// <summary>Gets the regime horizon in return intervals (at least 1).</summary>
    internal int HorizonReturns => (int)Math.Max(1, Math.Round(RegimeHorizon / ReturnInterval));

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Check(Decimals is >= 0 and <= OraclePrice.MaxDecimals, nameof(Decimals), $"must be between 0 and {OraclePrice.MaxDecimals}");
        Check(Sources is { Count: > 0 }, nameof(Sources), "must list at least one source");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            Check(source is not null && !string.IsNullOrWhiteSpace(source.Name), nameof(Sources), "must name every source");
            Check(names.Add(source!.Name), nameof(Sources), $"lists '{source.Name}' twice");
            Check(source.Heartbeat > TimeSpan.Zero, nameof(OracleSourceOptions.Heartbeat), $"of '{source.Name}' must be positive");
        }

        Check(MinSources >= 1 && MinSources <= Sources.Count, nameof(MinSources), $"must be between 1 and the number of sources ({Sources.Count})");
        Check(OutlierMadMultiple >= 1.0 && double.IsFinite(OutlierMadMultiple), nameof(OutlierMadMultiple), "must be finite and at least 1");
        Check(OutlierMinDeviation is >= 0.0 and < 1.0, nameof(OutlierMinDeviation), "must be in [0, 1)");
        Check(MaxClockSkew >= TimeSpan.Zero, nameof(MaxClockSkew), "must not be negative");
        Check(BreakerThreshold is > 0.0 and < 1.0, nameof(BreakerThreshold), "must be in (0, 1)");
        Check(BreakerWindow > TimeSpan.Zero, nameof(BreakerWindow), "must be positive");
        Check(BreakerCooldown >= TimeSpan.Zero, nameof(BreakerCooldown), "must not be negative");
        Check(BreakerHaircutMultiplier >= 1.0 && double.IsFinite(BreakerHaircutMultiplier), nameof(BreakerHaircutMultiplier), "must be finite and at least 1");
        Check(ReturnInterval > TimeSpan.Zero, nameof(ReturnInterval), "must be positive");
        Check(MaxReturns >= 30, nameof(MaxReturns), "must be at least 30");
        Check(EwmaLambda is > 0.0 and < 1.0, nameof(EwmaLambda), "must be in (0, 1)");
        Check(MinReturnsForEwma >= 1 && MinReturnsForEwma <= MaxReturns, nameof(MinReturnsForEwma), $"must be between 1 and {nameof(MaxReturns)}");
        Check(MinReturnsForGarch >= 30 && MinReturnsForGarch <= MaxReturns, nameof(MinReturnsForGarch), $"must be between 30 and {nameof(MaxReturns)}");
        Check(GarchRefitInterval > TimeSpan.Zero, nameof(GarchRefitInterval), "must be positive");
        Check(RegimeHorizon >= ReturnInterval, nameof(RegimeHorizon), $"must be at least {nameof(ReturnInterval)}");
        Check(DaysPerYear > 0.0 && double.IsFinite(DaysPerYear), nameof(DaysPerYear), "must be finite and positive");
        Check(Regime is not null && Regime.ElevatedRatio > 0.0 && Regime.StressedRatio > Regime.ElevatedRatio && double.IsFinite(Regime.StressedRatio), nameof(Regime), "needs 0 < ElevatedRatio < StressedRatio");
    }

    private static void Check(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(OracleOptions)}.{setting} {problem}.", setting);
        }
    }
}
