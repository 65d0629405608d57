namespace Mesh.Risk.Portfolio;

/// <summary>Cholesky factorisation of symmetric positive semi-definite matrices (correlations, covariances).</summary>
public static class Cholesky
{
    /// <summary>Returns lower-triangular L with L·Lᵀ = <paramref name="matrix"/>.</summary>
    /// <param name="matrix">A symmetric positive semi-definite square matrix.</param>
    /// <returns>L. Semi-definite inputs (e.g. perfect correlation) give zero columns rather than failing.</returns>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or not finite.</exception>
    /// <exception cref="MatrixNotPositiveDefiniteException">The matrix has a negative eigenvalue.</exception>
    public static double[,] Decompose(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n)
        {
            throw new ArgumentException("Matrix must be square.", nameof(matrix));
        }

        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(matrix[i, j]) || Math.Abs(matrix[i, j] - matrix[j, i]) > 1e-12 * (Math.Abs(matrix[i, j]) + 1))
                {
                    throw new ArgumentException($"Matrix must be finite and symmetric (element [{i},{j}]).", nameof(matrix));
                }
            }

            scale = Math.Max(scale, matrix[i, i]);
        }

        var tolerance = 1e-12 * Math.Max(scale, 1e-300);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = matrix[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            if (d < -tolerance)
            {
                throw new MatrixNotPositiveDefiniteException(j, d);
            }

            var pivot = d > tolerance ? Math.Sqrt(d) : 0.0;
            l[j, j] = pivot;
            for (var i = j + 1; i < n; i++)
            {
                var s = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                if (pivot == 0.0)
                {
                    if (Math.Abs(s) > Math.Sqrt(tolerance))
                    {
                        throw new MatrixNotPositiveDefiniteException(j, d);
                    }

                    continue;
                }

                l[i, j] = s / pivot;
            }
        }

        return l;
    }
}
