using Mesh.TestGrains;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>How a test drives a counter grain (<see cref="ICounterGrain"/>).</summary>
/// <param name="Add">Adds an amount once per operation id.</param>
/// <param name="Get">Reads the counter.</param>
internal sealed record CounterGrains(Func<IClusterClient, string, Guid, long, Task<long>> Add, Func<IClusterClient, string, Task<CounterSnapshot>> Get)
{
    public static CounterGrains Counter { get; } = new((client, key, operation, amount) => client.GetGrain<ICounterGrain>(key).Add(operation, amount), (client, key) => client.GetGrain<ICounterGrain>(key).Get());
}
