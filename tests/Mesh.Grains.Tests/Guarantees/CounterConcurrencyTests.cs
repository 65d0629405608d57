using Mesh.Grains.Tests.Infrastructure;
using Mesh.TestGrains;

namespace Mesh.Grains.Tests.Guarantees;

/// <summary>
/// A grain runs one request at a time: however many callers hit it at once, no increment is lost or applied twice,
/// and each is written to the SQLite file (through Orleans' ADO.NET storage) before its call returns.
/// </summary>
public sealed class CounterConcurrencyTests(SingleNodeSqliteFixture fixture) : IClassFixture<SingleNodeSqliteFixture>
{
    [Fact]
    public async Task Add_TenThousandConcurrentCallsToOneGrain_CounterIsExact()
    {
        const int calls = 10_000;
        var sut = fixture.Client.GetGrain<ICounterGrain>("concurrency-" + Guid.NewGuid().ToString("N"));

        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => sut.Add(Guid.NewGuid(), 1)));

        var snapshot = await sut.Get();
        Assert.Equal(calls, snapshot.Value);
        Assert.Equal(calls, snapshot.Operations);
        // Each call saw the counter right after its own increment, never another call's half-applied one.
        Assert.Equal(Enumerable.Range(1, calls).Select(i => (long)i), results.Order());
    }
}
