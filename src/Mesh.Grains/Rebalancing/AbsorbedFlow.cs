namespace Mesh.Grains.Rebalancing;

/// <summary>
/// What the mesh's completed sales have absorbed of a market's depth over the trailing day, in fractions of the day's
/// depth: the <c>u</c> of the square-root law's lasting impact, <c>√(u + q/V) − √u</c>. The law is measured on
/// meta-orders of up to a day against a day's depth <c>V</c>, so a sale counts for a day after it completed; a crunch
/// long past no longer makes the next one's first units look cheap (they mark off the most again). Kept in minute
/// buckets (a bucket goes whole once its first sale is a day old), so it holds at most a day's worth of them however
/// much is sold. In memory: after an activation it starts from zero, the stricter side.
/// </summary>
internal sealed class AbsorbedFlow
{
    /// <summary>How long a completed sale counts.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(1);

    private readonly Queue<(DateTimeOffset Start, double Fraction)> _buckets = new();
    private (DateTimeOffset Start, double Fraction)? _current;

    /// <summary>Gets the number of minute buckets held (at most a day's, plus the open one).</summary>
    public int Buckets => _buckets.Count + (_current is null ? 0 : 1);

    /// <summary>Counts a completed sale.</summary>
    /// <param name="at">When it completed.</param>
    /// <param name="fraction">What it sold, in fractions of the day's depth at the time; ignored unless above zero and finite.</param>
    public void Add(DateTimeOffset at, double fraction)
    {
        if (!(fraction > 0) || !double.IsFinite(fraction))
        {
            return;
        }

        if (_current is { } open && at - open.Start < Bucket && at >= open.Start)
        {
            _current = (open.Start, open.Fraction + fraction);
            return;
        }

        if (_current is { } closed)
        {
            _buckets.Enqueue(closed);
        }

        _current = (at, fraction);
    }

    /// <summary>What the sales of the trailing day have absorbed, as of <paramref name="now"/>.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>The sum, in fractions of the day's depth; zero when nothing counts.</returns>
    public double Total(DateTimeOffset now)
    {
        while (_buckets.TryPeek(out var oldest) && now - oldest.Start >= Horizon)
        {
            _buckets.Dequeue();
        }

        if (_current is { } open && now - open.Start >= Horizon)
        {
            _current = null;
        }

        var total = _current?.Fraction ?? 0.0;
        foreach (var bucket in _buckets)
        {
            total += bucket.Fraction;
        }

        return total;
    }
}
