namespace Mesh.TestGrains;

/// <summary>A stateless grain for call benchmarks: one cheap method, and the silo it runs on.</summary>
[Alias("test.bench.ping")]
public interface IBenchPingGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="value"/> plus the number of calls so far (so the call cannot be elided).</summary>
    [Alias("test.bench.ping.ping")]
    Task<int> Ping(int value);

    /// <summary>The silo address (<c>SiloAddress.ToParsableString()</c>) of this activation.</summary>
    [Alias("test.bench.ping.silo")]
    Task<string> Silo();
}
