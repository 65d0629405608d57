using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mesh.Grains.Diagnostics;

/// <summary>
/// The latest value per key, written by grains when the value changes and read by an observable gauge at each
/// collection: the gauge outlives every activation, and a silo reports the keys whose grains it hosted.
/// </summary>
/// <param name="tag">The name of the tag that carries the key.</param>
internal sealed class LatestValues(string tag)
{
    private readonly ConcurrentDictionary<string, Func<double>> _values = new(StringComparer.Ordinal);

    /// <summary>Sets the value of a key.</summary>
    public void Set(string key, double value) => _values[key] = () => value;

    /// <summary>Sets a value computed at each collection (an age, from a clock).</summary>
    public void Set(string key, Func<double> value) => _values[key] = value;

    /// <summary>Stops reporting a key (its grain deactivated here; the silo it moves to reports it).</summary>
    public void Remove(string key) => _values.TryRemove(key, out _);

    /// <summary>One measurement per key.</summary>
    public IEnumerable<Measurement<double>> Observe()
    {
        foreach (var (key, value) in _values)
        {
            yield return new Measurement<double>(value(), new TagList { { tag, key } });
        }
    }
}
