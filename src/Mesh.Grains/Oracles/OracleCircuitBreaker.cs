using System.Globalization;

namespace Mesh.Grains.Oracles;

/// <summary>
/// Trips when an aggregate is more than the threshold above the lowest or below the highest aggregate of the window;
/// stays open until a cooldown has passed since the latest trip. A price that stays away from the pre-move range
/// re-trips for as long as that range is in the window, so the breaker is open for about window + cooldown.
/// </summary>
/// <remarks>The window is kept as at most 30 (+1) low/high buckets, so the state stays bounded.</remarks>
internal sealed class OracleCircuitBreaker(OracleOptions options, OracleBreakerState state)
{
    private const int Buckets = 30;

    /// <summary>Closes the breaker once the cooldown since its latest trip has passed.</summary>
    /// <param name="now">The current time.</param>
    public void Expire(DateTimeOffset now)
    {
        if (state.IsOpen && state.LastTrippedAt is { } tripped && now >= tripped + options.BreakerCooldown)
        {
            state.IsOpen = false;
            state.OpenedAt = null;
        }
    }

    /// <summary>Compares a new aggregate with the window, trips if it moved too far, and adds it to the window.</summary>
    /// <param name="price">The aggregate mantissa.</param>
    /// <param name="now">The current time.</param>
    public void Record(long price, DateTimeOffset now)
    {
        var width = Math.Max(1, options.BreakerWindow.Ticks / Buckets);
        var windowStart = now - options.BreakerWindow;
        state.Window.RemoveAll(b => b.StartedAt.AddTicks(width) <= windowStart);
        if (state.Window.Count > 0)
        {
            var low = state.Window.Min(b => b.Low);
            var high = state.Window.Max(b => b.High);
            var rise = ((double)price / low) - 1.0;
            var fall = 1.0 - ((double)price / high);
            if (rise > options.BreakerThreshold || fall > options.BreakerThreshold)
            {
                var reason = rise >= fall
                    ? string.Create(CultureInfo.InvariantCulture, $"The price rose {rise:P2} above the low {low} within {options.BreakerWindow}.")
                    : string.Create(CultureInfo.InvariantCulture, $"The price fell {fall:P2} below the high {high} within {options.BreakerWindow}.");
                Trip(now, reason);
            }
        }

        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % width), TimeSpan.Zero);
        var last = state.Window.Count > 0 ? state.Window[^1] : null;
        if (last is not null && last.StartedAt == start)
        {
            last.Low = Math.Min(last.Low, price);
            last.High = Math.Max(last.High, price);
        }
        else
        {
            state.Window.Add(new OraclePriceBucket { StartedAt = start, Low = price, High = price });
        }
    }

    /// <summary>The breaker as a consumer sees it.</summary>
    /// <returns>The snapshot.</returns>
    public OracleBreakerSnapshot Snapshot() => state.IsOpen
        ? new OracleBreakerSnapshot(true, state.OpenedAt, state.LastTrippedAt + options.BreakerCooldown, state.Reason, options.BreakerHaircutMultiplier)
        : new OracleBreakerSnapshot(false, null, null, state.Reason, 1.0);

    private void Trip(DateTimeOffset now, string reason)
    {
        if (!state.IsOpen)
        {
            state.IsOpen = true;
            state.OpenedAt = now;
            state.Openings++;
        }

        state.LastTrippedAt = now;
        state.Reason = reason;
    }
}
