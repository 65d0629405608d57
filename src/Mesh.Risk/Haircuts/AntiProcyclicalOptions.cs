namespace Mesh.Risk.Haircuts;

/// <summary>
/// Settings for <see cref="AntiProcyclicalHaircut"/>: the two anti-procyclicality tools a CCP may apply to margins and
/// haircuts (EMIR RTS 153/2013, Art. 28(1)(a), a buffer of at least 25% that may be exhausted while requirements rise;
/// and a limit on how fast a haircut may rise, the "speed limit" of the ESRB's work on the macroprudential use of
/// margins and haircuts). Both are off by default; EMIR asks a CCP for at least one.
/// </summary>
public sealed class AntiProcyclicalOptions
{
    /// <summary>
    /// Gets or sets the buffer on the through-the-cycle haircut (the haircut at the long-run volatility): no haircut is
    /// below it times (1 + buffer), so calm markets carry the buffer, and a rise in volatility uses it up before the
    /// haircut moves.
    /// </summary>
    /// <value>The default is 0 (no buffer). EMIR's Art. 28(1)(a) buffer is at least 0.25.</value>
    public double Buffer { get; set; }

    /// <summary>
    /// Gets or sets the most a haircut may rise per hour, in haircut points (0.05 = five percentage points an hour);
    /// null for no limit. A fall is taken at once.
    /// </summary>
    /// <value>The default is null (no speed limit).</value>
    public double? MaxRisePerHour { get; set; }

    /// <summary>Gets whether either tool is on.</summary>
    public bool Enabled => Buffer > 0 || MaxRisePerHour is not null;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its domain; the message names it.</exception>
    public void Validate()
    {
        if (!(Buffer is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Buffer), Buffer, $"{nameof(AntiProcyclicalOptions)}: {nameof(Buffer)} must be in [0, 1].");
        }

        if (MaxRisePerHour is { } rise && !(rise > 0 && double.IsFinite(rise)))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRisePerHour), rise, $"{nameof(AntiProcyclicalOptions)}: {nameof(MaxRisePerHour)} must be a finite number above 0, or null for no limit.");
        }
    }
}
