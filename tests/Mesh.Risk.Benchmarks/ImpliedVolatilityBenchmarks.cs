using BenchmarkDotNet.Attributes;
using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Benchmarks;

/// <summary>Implied volatility from market-like prices (calls, strikes ±50%, 1 day–2 years), per option.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ImpliedVolatilityBenchmarks
{
    private const int N = 16_384;
    private readonly BenchmarkMarket _m = new(N, 44);
    private readonly double[] _prices = new double[N];
    private readonly double[] _vols = new double[N];
    private readonly ImpliedVolFailure[] _failures = new ImpliedVolFailure[N];

    [GlobalSetup]
    public void Setup() => BatchBlackScholes.Price(OptionType.Call, _m.Batch, _prices);

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void ScalarLoop()
    {
        for (var i = 0; i < N; i++)
        {
            _vols[i] = ImpliedVolatility.Solve(OptionType.Call, _prices[i], _m.Spot[i], _m.Strike[i], _m.Rate[i], _m.Yield[i], _m.Time[i]).Volatility;
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void BatchApi() => BatchImpliedVolatility.Solve(OptionType.Call, _prices, _m.Batch, _vols, _failures);
}
