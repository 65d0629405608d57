using BenchmarkDotNet.Attributes;
using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Benchmarks;

/// <summary>Batch price + delta, gamma, vega, theta, rho, reported per option (OperationsPerInvoke = N).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class BlackScholesGreeksBenchmarks
{
    private const int N = 16_384;
    private readonly BenchmarkMarket _m = new(N, 43);
    private readonly double[][] _out = [new double[N], new double[N], new double[N], new double[N], new double[N], new double[N]];

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void ScalarLoop()
    {
        for (var i = 0; i < N; i++)
        {
            var g = BlackScholes.Greeks(OptionType.Put, _m.Spot[i], _m.Strike[i], _m.Rate[i], _m.Yield[i], _m.Vol[i], _m.Time[i]);
            (_out[0][i], _out[1][i], _out[2][i], _out[3][i], _out[4][i], _out[5][i]) = (g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho);
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public void BatchVector256() =>
        BatchBlackScholes.Greeks(OptionType.Put, _m.Batch, new GreeksBatch(_out[0], _out[1], _out[2], _out[3], _out[4], _out[5]));
}
