using System.Collections.Concurrent;

namespace Mesh.Runtime.Tests.Grains;

/// <summary>Records lifecycle events of grains, per key.</summary>
public sealed class LifecycleLog
{
    private readonly ConcurrentQueue<(string Key, string Event)> _events = new();

    public void Record(string key, string evt) => _events.Enqueue((key, evt));

    public IReadOnlyList<string> For(string key) => _events.Where(e => e.Key == key).Select(e => e.Event).ToList();
}
