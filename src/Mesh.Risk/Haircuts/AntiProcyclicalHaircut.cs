namespace Mesh.Risk.Haircuts;

/// <summary>
/// Anti-procyclical haircuts: a haircut that follows a volatility forecast fitted on minute returns jumps with the first
/// large move of a crash, which takes healthy positions below their thresholds at once and makes them sell into the
/// crash, the spiral EMIR's anti-procyclicality rules guard against. Two tools (<see cref="AntiProcyclicalOptions"/>):
/// a floor at the through-the-cycle haircut plus a buffer (EMIR RTS 153/2013 Art. 28(1)(a)), which calm markets carry
/// and a rise uses up first; and a speed limit on rises, so that a haircut moves toward the model's over hours, not in
/// one tick. The cost is plain: while the limit binds, collateral is valued above what the model says it is worth.
/// </summary>
public static class AntiProcyclicalHaircut
{
    /// <summary>The haircut to apply.</summary>
    /// <param name="model">The model's haircut now, in [0, 1].</param>
    /// <param name="throughTheCycle">The model's haircut at the long-run volatility, in [0, 1]; null when unknown (no floor).</param>
    /// <param name="previous">The haircut applied last, in [0, 1]; null when there is none (the model's is taken, buffered).</param>
    /// <param name="sincePrevious">The time since <paramref name="previous"/> was applied; a negative span counts as zero.</param>
    /// <param name="options">The tools.</param>
    /// <returns>max(model, floor), limited to previous + rise × hours; in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A haircut is outside [0, 1] or not a number.</exception>
    public static double Apply(double model, double? throughTheCycle, double? previous, TimeSpan sincePrevious, AntiProcyclicalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(model, nameof(model));
        Check(throughTheCycle, nameof(throughTheCycle));
        Check(previous, nameof(previous));
        var floor = throughTheCycle is { } t ? Math.Min(1.0, t * (1.0 + options.Buffer)) : 0.0;
        var target = Math.Max(model, floor);
        if (previous is { } p && options.MaxRisePerHour is { } rise && target > p)
        {
            var hours = Math.Max(0.0, sincePrevious.TotalHours);
            target = Math.Min(target, p + (rise * hours));
        }

        return target;
    }

    private static void Check(double? haircut, string name)
    {
        if (haircut is { } h && !(h is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, h, "A haircut must be in [0, 1].");
        }
    }
}
