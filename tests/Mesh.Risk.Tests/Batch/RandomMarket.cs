using Mesh.Risk.Batch;

namespace Mesh.Risk.Tests.Batch;

/// <summary>A seeded random structure-of-arrays market for batch tests.</summary>
internal sealed class RandomMarket
{
    private RandomMarket(int n)
    {
        Spot = new double[n];
        Strike = new double[n];
        Rate = new double[n];
        Yield = new double[n];
        Vol = new double[n];
        Time = new double[n];
    }

    public double[] Spot { get; }

    public double[] Strike { get; }

    public double[] Rate { get; }

    public double[] Yield { get; }

    public double[] Vol { get; }

    public double[] Time { get; }

    public OptionBatch Batch => new(Spot, Strike, Rate, Yield, Vol, Time);

    public static RandomMarket Create(int n, int seed)
    {
        var rng = new Random(seed);
        var m = new RandomMarket(n);
        for (var i = 0; i < n; i++)
        {
            m.Spot[i] = 10 + (rng.NextDouble() * 990);
            m.Strike[i] = m.Spot[i] * Math.Exp((rng.NextDouble() - 0.5) * 1.5);
            m.Rate[i] = rng.NextDouble() * 0.1;
            m.Yield[i] = rng.NextDouble() * 0.05;
            m.Vol[i] = 0.05 + (rng.NextDouble() * 1.5);
            m.Time[i] = 0.01 + (rng.NextDouble() * 3);
        }

        return m;
    }
}
