using System.Diagnostics;
using Mesh.Grains.Vaults;

namespace Mesh.TestSilo;

/// <summary>
/// A saga checkpoint that, once armed for one operation and step, kills its own process there with SIGKILL: no
/// graceful stop, no finally blocks, no flushed buffers; what a crash or an OOM kill does between two writes.
/// </summary>
public sealed class SagaCrashCheckpoint : ISagaCheckpoint
{
    // Armed from a request thread, read in grain turns: one reference, swapped whole.
    private volatile Tuple<string, SagaStep>? _armed;

    /// <summary>Arms the crash: the next time <paramref name="operationId"/> reaches <paramref name="step"/>, the process dies.</summary>
    /// <param name="operationId">The vault operation's id.</param>
    /// <param name="step">The step boundary.</param>
    public void Arm(string operationId, SagaStep step) => _armed = Tuple.Create(operationId, step);

    void ISagaCheckpoint.Reached(string vault, string operationId, SagaStep boundary)
    {
        if (_armed is { } armed && armed.Item1 == operationId && armed.Item2 == boundary)
        {
            Console.WriteLine($"saga-crash: {vault} {operationId} reached {boundary}; killing process {Environment.ProcessId}");
            Process.GetCurrentProcess().Kill();
            Environment.FailFast($"saga-crash: {operationId} at {boundary}");
        }
    }
}
