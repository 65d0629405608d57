namespace Mesh.Risk.Volatility;

/// <summary>A compact Nelder-Mead simplex minimiser for the small unconstrained problems of this library.</summary>
internal static class NelderMead
{
    internal static (double[] Point, double Value, int Iterations, bool Converged) Minimize(
        Func<double[], double> f, double[] start, double[] step, double tolerance = 1e-10, int maxIterations = 2000)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += step[i - 1];
            }

            values[i] = f(simplex[i]);
        }

        var order = new int[n + 1];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            for (var i = 0; i <= n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[n], second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + 1e-300))
            {
                return (simplex[best], values[best], iteration, true);
            }

            var centroid = new double[n];
            foreach (var i in order[..n])
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            double[] Along(double t) => [.. centroid.Select((c, j) => c + (t * (simplex[worst][j] - c)))];
            var reflected = Along(-1.0);
            var fr = f(reflected);
            if (fr < values[best])
            {
                var expanded = Along(-2.0);
                var fe = f(expanded);
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[second])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[worst] ? Along(-0.5) : Along(0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[worst]))
                {
                    (simplex[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    foreach (var i in order[1..])
                    {
                        simplex[i] = [.. simplex[i].Select((x, j) => simplex[best][j] + (0.5 * (x - simplex[best][j])))];
                        values[i] = f(simplex[i]);
                    }
                }
            }
        }

        var argMin = Array.IndexOf(values, values.Min());
        return (simplex[argMin], values[argMin], maxIterations, false);
    }
}
