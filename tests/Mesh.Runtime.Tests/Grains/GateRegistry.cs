using System.Collections.Concurrent;

namespace Mesh.Runtime.Tests.Grains;

/// <summary>Named gates a test opens to let grain turns finish, and sees entered.</summary>
public sealed class GateRegistry
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, int> _entered = new();

    public void Entered(string gate) => _entered.AddOrUpdate(gate, 1, (_, n) => n + 1);

    public bool HasEntered(string gate) => _entered.ContainsKey(gate);

    public Task WaitAsync(string gate) => Gate(gate).Task;

    public void Open(string gate) => Gate(gate).TrySetResult();

    private TaskCompletionSource Gate(string gate) =>
        _gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
