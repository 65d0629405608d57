using Mesh.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Resilience;

/// <summary>Runs a resilience pipeline's back-off and deadline on a fake clock: advances it by a step until the execution completes.</summary>
internal static class PipelineDriver
{
    public static Task RunToCompletionAsync(FakeTimeProvider clock, Task execution, TimeSpan step) =>
        Eventually.TrueAsync(
            () =>
            {
                if (!execution.IsCompleted)
                {
                    clock.Advance(step);
                }

                return execution.IsCompleted;
            },
            "the pipeline gave up",
            TimeSpan.FromSeconds(20));
}
