namespace Mesh.Grains.Oracles;

/// <summary>
/// A small seeded generator (SplitMix64) whose sequence depends only on the seed and the stream, on every platform
/// and runtime version, with standard normal draws by Box-Muller.
/// </summary>
/// <param name="seed">The seed.</param>
/// <param name="stream">An independent stream of the same seed (a source's index, for example).</param>
internal sealed class DeterministicRandom(ulong seed, ulong stream = 0)
{
    private ulong _state = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
    private double? _spare;

    /// <summary>A uniform draw in (0, 1).</summary>
    /// <returns>The draw.</returns>
    public double NextDouble() => ((NextUInt64() >> 11) + 0.5) / (1UL << 53);

    /// <summary>A standard normal draw.</summary>
    /// <returns>The draw.</returns>
    public double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
