using FsCheck;
using FsCheck.Fluent;

namespace Mesh.Risk.Tests.Options;

/// <summary>A random but sensible market state for property tests.</summary>
internal sealed record Market(double Spot, double Strike, double Rate, double Yield, double Vol, double Time);

internal static class MarketGen
{
    internal static Arbitrary<Market> Arbitrary { get; } =
        (from s in Gen.Choose(1, 10_000)
         from m in Gen.Choose(-150, 150)
         from r in Gen.Choose(-20, 150)
         from q in Gen.Choose(0, 100)
         from v in Gen.Choose(1, 300)
         from t in Gen.Choose(1, 3650)
         select new Market(s, s * Math.Exp(m / 100.0), r / 1000.0, q / 1000.0, v / 100.0, t / 365.0)).ToArbitrary();
}
