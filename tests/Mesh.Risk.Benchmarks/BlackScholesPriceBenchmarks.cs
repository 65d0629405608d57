using BenchmarkDotNet.Attributes;
using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Benchmarks;

/// <summary>Batch Black-Scholes prices, reported per option (OperationsPerInvoke = N). BatchApi is the public call (AVX-512 kernel where accelerated).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class BlackScholesPriceBenchmarks
{
    private const int N = 16_384;
    private readonly BenchmarkMarket _m = new(N, 42);
    private readonly double[] _out = new double[N];

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void ScalarLoop()
    {
        for (var i = 0; i < N; i++)
        {
            _out[i] = BlackScholes.Price(OptionType.Call, _m.Spot[i], _m.Strike[i], _m.Rate[i], _m.Yield[i], _m.Vol[i], _m.Time[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void BatchApi() => BatchBlackScholes.Price(OptionType.Call, _m.Batch, _out);
}
