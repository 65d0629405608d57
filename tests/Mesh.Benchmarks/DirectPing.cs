using Mesh.TestGrains;

namespace Mesh.Benchmarks;

/// <summary>The floor of a call: the grain interface implemented by a plain object, no runtime.</summary>
internal sealed class DirectPing : IBenchPingGrain
{
    private int _calls;

    public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);

    public Task<string> Silo() => Task.FromResult("direct");
}
