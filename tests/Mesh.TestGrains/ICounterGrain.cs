namespace Mesh.TestGrains;

/// <summary>A durable counter whose increments are idempotent by operation id, so callers may retry them.</summary>
[Alias("test.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> once per <paramref name="operationId"/>; state is written before it returns.</summary>
    [Alias("test.counter.add")]
    Task<long> Add(Guid operationId, long amount);

    /// <summary>The value and the number of operations applied.</summary>
    [Alias("test.counter.get")]
    Task<CounterSnapshot> Get();
}
