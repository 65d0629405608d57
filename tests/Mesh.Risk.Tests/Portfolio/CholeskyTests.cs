using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Tests.Portfolio;

public sealed class CholeskyTests
{
    [Fact]
    public void Decompose_RandomCorrelation_ReproducesMatrix()
    {
        // A random correlation matrix: normalise B·Bᵀ for a random B.
        var gen = from n in Gen.Choose(1, 8)
                  from seed in Gen.Choose(0, int.MaxValue)
                  select RandomCorrelation(n, seed);
        Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var l = Cholesky.Decompose(c);
                var n = c.GetLength(0);
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var s = 0.0;
                        for (var k = 0; k < n; k++)
                        {
                            s += l[i, k] * l[j, k];
                        }

                        if (Math.Abs(s - c[i, j]) > 1e-12 || (j > i && l[i, j] != 0))
                        {
                            return false;
                        }
                    }
                }

                return true;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decompose_PerfectCorrelation_IsSemiDefiniteNotAnError()
    {
        double[,] c = { { 1, 1 }, { 1, 1 } };

        var sut = Cholesky.Decompose(c);

        Assert.Equal(1.0, sut[1, 0], 1e-15);
        Assert.Equal(0.0, sut[1, 1], 1e-15);
    }

    [Fact]
    public void Decompose_NotPositiveSemiDefinite_ThrowsTypedErrorWithPivot()
    {
        double[,] c = { { 1, 0.9, 0.9 }, { 0.9, 1, -0.9 }, { 0.9, -0.9, 1 } };

        var ex = Assert.Throws<MatrixNotPositiveDefiniteException>(() => Cholesky.Decompose(c));

        Assert.Equal(2, ex.Pivot);
    }

    [Fact]
    public void Decompose_Asymmetric_Throws()
    {
        Assert.Throws<ArgumentException>(() => Cholesky.Decompose(new double[,] { { 1, 0.5 }, { 0.4, 1 } }));
    }

    internal static double[,] RandomCorrelation(int n, int seed)
    {
        var rng = new Random(seed);
        var b = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b[i, j] = rng.NextDouble() - 0.5;
            }
        }

        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    cov[i, j] += b[i, k] * b[j, k];
                }

                cov[i, j] += i == j ? 0.01 : 0.0;
            }
        }

        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = i == j ? 1.0 : cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]);
            }
        }

        return c;
    }
}
