using Mesh.TestGrains;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>Which counter grain a test drives: the shared <see cref="ICounterGrain"/> or <see cref="IFaultTolerantCounterGrain"/>.</summary>
/// <param name="Add">Adds an amount once per operation id.</param>
/// <param name="Get">Reads the counter.</param>
internal sealed record CounterGrains(Func<IClusterClient, string, Guid, long, Task<long>> Add, Func<IClusterClient, string, Task<CounterSnapshot>> Get)
{
    public static CounterGrains Counter { get; } = new((client, key, operation, amount) => client.GetGrain<ICounterGrain>(key).Add(operation, amount), (client, key) => client.GetGrain<ICounterGrain>(key).Get());

    public static CounterGrains FaultTolerant { get; } = new(
        (client, key, operation, amount) => client.GetGrain<IFaultTolerantCounterGrain>(key).Add(operation, amount), (client, key) => client.GetGrain<IFaultTolerantCounterGrain>(key).Get());
}
