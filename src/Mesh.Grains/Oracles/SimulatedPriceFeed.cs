namespace Mesh.Grains.Oracles;

/// <summary>
/// A deterministic price feed for simulations and tests: a true path (exact geometric Brownian motion between the
/// times it is asked at, plus scheduled crashes, or set from outside) and per-source observations with noise and
/// optional faults.
/// </summary>
/// <remarks>
/// The same seed, options and sequence of call times give the same observations. To follow an external market
/// (the fire-sale simulation's traded price), set <see cref="AnnualVolatility"/> to 0 and call
/// <see cref="SetTruePrice"/> before <see cref="Observe(DateTimeOffset)"/>.
/// </remarks>
internal sealed class SimulatedPriceFeed
{
    private readonly SimulatedPriceFeedOptions _options;
    private readonly DeterministicRandom _path;
    private readonly DeterministicRandom[] _noise;
    private readonly double?[] _frozen;
    private readonly List<(DateTimeOffset From, TimeSpan Duration, double LogDrop)> _crashes = [];

    /// <summary>Initializes a new instance of the <see cref="SimulatedPriceFeed"/> class.</summary>
    /// <param name="options">The path and sources; validated here.</param>
    /// <param name="start">The time of <see cref="SimulatedPriceFeedOptions.InitialPrice"/>.</param>
    public SimulatedPriceFeed(SimulatedPriceFeedOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _path = new DeterministicRandom(options.Seed);
        _noise = [.. options.Sources.Select((_, i) => new DeterministicRandom(options.Seed, (ulong)i + 1))];
        _frozen = new double?[options.Sources.Count];
        TruePrice = options.InitialPrice;
        Time = start;
        AnnualVolatility = options.AnnualVolatility;
    }

    /// <summary>Gets the true price at <see cref="Time"/>.</summary>
    public double TruePrice { get; private set; }

    /// <summary>Gets the time of <see cref="TruePrice"/>.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>Gets or sets the path's annualised volatility from now on (a regime switch).</summary>
    public double AnnualVolatility { get; set; }

    /// <summary>Schedules a crash: the true price falls by <paramref name="depth"/> (0.4 = 40%), log-linearly.</summary>
    /// <param name="from">When the fall begins.</param>
    /// <param name="duration">How long it takes (positive).</param>
    /// <param name="depth">The share lost, in (0, 1).</param>
    public void ScheduleCrash(DateTimeOffset from, TimeSpan duration, double depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        if (!(depth is > 0.0 and < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "The depth must be in (0, 1).");
        }

        _crashes.Add((from, duration, Math.Log(1.0 - depth)));
    }

    /// <summary>Sets the true price (following an external path); the path continues from there.</summary>
    /// <param name="price">The price (finite, positive).</param>
    /// <param name="at">Its time, not before <see cref="Time"/>.</param>
    public void SetTruePrice(double price, DateTimeOffset at)
    {
        if (!(price > 0.0) || !double.IsFinite(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "The price must be finite and positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(at, Time);
        TruePrice = price;
        Time = at;
    }

    /// <summary>Moves the true path to <paramref name="to"/> (no change if it is not after <see cref="Time"/>).</summary>
    /// <param name="to">The new time.</param>
    /// <returns>The true price at <paramref name="to"/>.</returns>
    public double Advance(DateTimeOffset to)
    {
        if (to <= Time)
        {
            return TruePrice;
        }

        var years = (to - Time).TotalDays / _options.DaysPerYear;
        var sigma = AnnualVolatility;
        var logStep = ((_options.AnnualDrift - (0.5 * sigma * sigma)) * years) + (sigma * Math.Sqrt(years) * _path.NextGaussian());
        foreach (var (from, duration, logDrop) in _crashes)
        {
            var overlap = Min(to, from + duration) - Max(Time, from);
            if (overlap > TimeSpan.Zero)
            {
                logStep += logDrop * (overlap / duration);
            }
        }

        TruePrice *= Math.Exp(logStep);
        Time = to;
        return TruePrice;
    }

    /// <summary>Advances the path to <paramref name="now"/> and returns what each reporting source observes.</summary>
    /// <param name="now">The time of the observations.</param>
    /// <returns>One observation per source that reports (a silent source does not).</returns>
    public IReadOnlyList<OracleObservation> Observe(DateTimeOffset now)
    {
        Advance(now);
        var result = new List<OracleObservation>(_options.Sources.Count);
        for (var i = 0; i < _options.Sources.Count; i++)
        {
            var source = _options.Sources[i];
            var noisy = TruePrice * Math.Exp(source.Noise * _noise[i].NextGaussian());
            var faulty = source.Fault != SimulatedSourceFault.None && (source.FaultFrom is not { } from || now >= from);
            if (!faulty)
            {
                _frozen[i] = noisy;
                result.Add(new OracleObservation(source.Name, OraclePrice.FromDouble(noisy, _options.Decimals), now));
                continue;
            }

            double? reported = source.Fault switch
            {
                SimulatedSourceFault.Frozen => _frozen[i] ??= noisy,
                SimulatedSourceFault.Manipulated => noisy * source.ManipulationFactor,
                _ => null,
            };
            if (reported is { } price)
            {
                result.Add(new OracleObservation(source.Name, OraclePrice.FromDouble(price, _options.Decimals), now));
            }
        }

        return result;
    }

    /// <summary>Observes at the clock's current time.</summary>
    /// <param name="clock">The time provider (a fake one in tests).</param>
    /// <returns>One observation per source that reports.</returns>
    public IReadOnlyList<OracleObservation> Observe(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Observe(clock.GetUtcNow());
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
