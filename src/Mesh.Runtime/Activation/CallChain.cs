using Mesh.Runtime.Invocation;

namespace Mesh.Runtime.Activation;

/// <summary>
/// One turn in a chain of calls (callee last). Flows with the async context so that a call arriving at a busy
/// non-reentrant activation can tell whether that activation is waiting on the caller (a cycle) or merely busy.
/// </summary>
internal sealed class CallChain(GrainId grainId, string method, long turnId, CallChain? parent, GrainMethodFlags flags = GrainMethodFlags.None)
{
    private static readonly AsyncLocal<CallChain?> CurrentTurn = new();
    private static long _nextTurnId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    public static CallChain? Current
    {
        get => CurrentTurn.Value;
        set => CurrentTurn.Value = value;
    }

    public GrainId GrainId { get; } = grainId;

    public string Method { get; } = method;

    public long TurnId { get; } = turnId;

    public CallChain? Parent { get; } = parent;

    public GrainMethodFlags Flags { get; } = flags;

    public static long NextTurnId() => Interlocked.Increment(ref _nextTurnId);

    public bool Contains(CallChain turn)
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.TurnId == turn.TurnId && node.GrainId == turn.GrainId)
            {
                return true;
            }
        }

        return false;
    }

    public List<string> Describe()
    {
        var calls = new List<string>();
        for (var node = this; node is not null; node = node.Parent)
        {
            calls.Add(node.GrainId + "." + node.Method);
        }

        calls.Reverse();
        return calls;
    }
}
