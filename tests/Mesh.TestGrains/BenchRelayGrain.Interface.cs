namespace Mesh.TestGrains;

/// <summary>
/// Makes grain calls from inside a silo to an <see cref="IBenchPingGrain"/> (on the same silo or another one), so that
/// a benchmark measures grain-to-grain calls and pays its own client call only once per batch.
/// </summary>
[Alias("test.bench.relay")]
public interface IBenchRelayGrain : IGrainWithStringKey
{
    /// <summary>The silo address (<c>SiloAddress.ToParsableString()</c>) of this activation.</summary>
    [Alias("test.bench.relay.silo")]
    Task<string> Silo();

    /// <summary>The silo of the target grain, as the target reports it when called from this grain.</summary>
    [Alias("test.bench.relay.target-silo")]
    Task<string> TargetSilo(string targetKey);

    /// <summary>Makes <paramref name="calls"/> awaited calls, one after another, to the target; returns the sum of the replies.</summary>
    [Alias("test.bench.relay.run")]
    Task<long> Run(string targetKey, int calls, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="calls"/> awaited calls, one after another, and returns each call's latency in µs, in call order.</summary>
    [Alias("test.bench.relay.measure")]
    Task<double[]> Measure(string targetKey, int calls, CancellationToken cancellationToken = default);

    /// <summary>Starts calling the target in a loop in the background (load for a latency measurement) and returns at once.</summary>
    [Alias("test.bench.relay.start-load")]
    Task StartLoad(string targetKey);

    /// <summary>Stops the loop started by <see cref="StartLoad"/> and returns the number of calls it made.</summary>
    [Alias("test.bench.relay.stop-load")]
    Task<long> StopLoad();
}
