namespace Mesh.TestGrains;

/// <summary>
/// A durable counter like <see cref="ICounterGrain"/> (idempotent by operation id, state written before it returns)
/// that also survives a failed write: it acknowledges an operation only once the write that applied it succeeded.
/// </summary>
[Alias("test.fault-tolerant-counter")]
public interface IFaultTolerantCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> once per <paramref name="operationId"/>; returns only after the state holding it is written.</summary>
    /// <param name="operationId">The operation's id.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>The value.</returns>
    [Alias("test.fault-tolerant-counter.add")]
    Task<long> Add(Guid operationId, long amount);

    /// <summary>The value, the number of operations applied and the silo.</summary>
    /// <returns>The snapshot.</returns>
    [Alias("test.fault-tolerant-counter.get")]
    Task<CounterSnapshot> Get();
}
