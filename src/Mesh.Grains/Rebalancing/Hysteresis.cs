namespace Mesh.Grains.Rebalancing;

/// <summary>
/// When a vault may act on a rebalance need, as Yearn's debt allocator damps its moves: only outside the band, only
/// for a change of at least a minimum size, and not again before a minimum wait, so that a vault near the edge of its
/// band does not thrash. A vault below a health factor of 1 is urgent and does not wait.
/// </summary>
internal static class Hysteresis
{
    /// <summary>Decides whether to act now.</summary>
    /// <param name="healthFactor">The health factor; null for a vault with no obligations.</param>
    /// <param name="bandMin">The band's lower edge.</param>
    /// <param name="bandMax">The band's upper edge.</param>
    /// <param name="change">The value the move would shift.</param>
    /// <param name="minimumChange">The smallest move worth making.</param>
    /// <param name="lastActedAt">When the vault last acted; null if never.</param>
    /// <param name="minimumWait">The least time between two moves.</param>
    /// <param name="now">The moment.</param>
    /// <returns>Whether to act, and why not when not.</returns>
    public static HysteresisDecision Decide(
        double? healthFactor, double bandMin, double bandMax, UInt128 change, UInt128 minimumChange, DateTimeOffset? lastActedAt, TimeSpan minimumWait, DateTimeOffset now)
    {
        if (healthFactor is not { } hf || (hf >= bandMin && hf <= bandMax))
        {
            return HysteresisDecision.InsideBand;
        }

        if (change < minimumChange)
        {
            return HysteresisDecision.TooSmall;
        }

        var urgent = hf < 1.0;
        return !urgent && lastActedAt is { } last && now - last < minimumWait ? HysteresisDecision.TooSoon : HysteresisDecision.Act;
    }
}
