using Mesh.Risk.Batch;

namespace Mesh.Risk.Benchmarks;

/// <summary>A seeded, realistic spread of options (strikes ±50% around spot, 1 day to 2 years, 10–150% vol).</summary>
internal sealed class BenchmarkMarket
{
    public BenchmarkMarket(int n, int seed)
    {
        var rng = new Random(seed);
        Spot = new double[n];
        Strike = new double[n];
        Rate = new double[n];
        Yield = new double[n];
        Vol = new double[n];
        Time = new double[n];
        for (var i = 0; i < n; i++)
        {
            Spot[i] = 100 + (rng.NextDouble() * 3000);
            Strike[i] = Spot[i] * (0.5 + rng.NextDouble());
            Rate[i] = 0.05 * rng.NextDouble();
            Yield[i] = 0.02 * rng.NextDouble();
            Vol[i] = 0.1 + (1.4 * rng.NextDouble());
            Time[i] = (1.0 / 365.0) + (2.0 * rng.NextDouble());
        }
    }

    public double[] Spot { get; }

    public double[] Strike { get; }

    public double[] Rate { get; }

    public double[] Yield { get; }

    public double[] Vol { get; }

    public double[] Time { get; }

    public OptionBatch Batch => new(Spot, Strike, Rate, Yield, Vol, Time);
}
