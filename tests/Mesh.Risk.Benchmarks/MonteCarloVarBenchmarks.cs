using BenchmarkDotNet.Attributes;
using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Benchmarks;

/// <summary>Monte Carlo VaR/ES end to end (Cholesky, RNG, repricing, sorting, batch-means standard errors).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MonteCarloVarBenchmarks
{
    private const int Assets = 10;
    private RiskPortfolio _linear = null!;
    private RiskPortfolio _withOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assets = Enumerable.Range(0, Assets).Select(i => new RiskAsset($"A{i}", 100 + (50 * i), 0.4 + (0.05 * i))).ToArray();
        var correlation = new double[Assets, Assets];
        for (var i = 0; i < Assets; i++)
        {
            for (var j = 0; j < Assets; j++)
            {
                correlation[i, j] = i == j ? 1.0 : 0.3 + (0.4 * Math.Exp(-Math.Abs(i - j)));
            }
        }

        var linear = Enumerable.Range(0, Assets).Select(i => (Position)(i % 2 == 0 ? new SpotPosition(i, 10 + i) : new PerpPosition(i, -5 - i))).ToArray();
        _linear = new RiskPortfolio(assets, correlation, linear);
        var options = Enumerable.Range(0, Assets).Select(i => (Position)new OptionPosition(i, -3, OptionType.Put, assets[i].Spot * 0.9, 30.0 / 365, 0.6));
        _withOptions = new RiskPortfolio(assets, correlation, [.. linear, .. options]);
    }

    [Benchmark(Baseline = true, Description = "1M paths x 10 assets, linear")]
    public VarResult Linear1M() => MonteCarloVar.Run(_linear, new MonteCarloVarOptions { Paths = 1_000_000, Seed = 1 });

    [Benchmark(Description = "1M paths x 10 assets + 10 options (full repricing)")]
    public VarResult WithOptions1M() => MonteCarloVar.Run(_withOptions, new MonteCarloVarOptions { Paths = 1_000_000, Seed = 1 });
}
