namespace Mesh.Grains.Chains;

/// <summary>Counts RPC successes and failures over a sliding window of the mesh's clock.</summary>
internal sealed class RpcCallWindow(TimeSpan window)
{
    private readonly Queue<(DateTimeOffset At, bool Ok)> _calls = new();

    public TimeSpan Window => window;

    public void Record(DateTimeOffset at, bool ok)
    {
        _calls.Enqueue((at, ok));
        Trim(at);
    }

    public (int Successes, int Failures) Counts(DateTimeOffset now)
    {
        Trim(now);
        var failures = _calls.Count(c => !c.Ok);
        return (_calls.Count - failures, failures);
    }

    private void Trim(DateTimeOffset now)
    {
        while (_calls.Count > 0 && now - _calls.Peek().At > window)
        {
            _calls.Dequeue();
        }
    }
}
