namespace Mesh.Simulation.Scenarios;

/// <summary>
/// The fire sale the simulation replays by default: the price falls 35% over 30 minutes along a smooth S-curve
/// (<c>(1 − cos πτ)/2</c>, fastest mid-crash) with seeded noise, while depth contracts 70% along the same curve; then
/// a 15-minute tail in which the price wins back a fifth of its fall and half the lost depth returns. The noise is a
/// Brownian bridge on the log price, so it is zero at the start, at the bottom of the crash and at the end of the
/// tail: the price at 30 minutes is exactly the start less the drop. Deterministic for a seed.
/// </summary>
public static class DefaultScenario
{
    /// <summary>The scenario's name.</summary>
    public const string Name = "default";

    /// <summary>Creates the scenario.</summary>
    /// <param name="options">The shape; the defaults when null.</param>
    /// <returns>The scenario, one step every <see cref="DefaultScenarioOptions.Step"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static Scenario Create(DefaultScenarioOptions? options = null)
    {
        options ??= new DefaultScenarioOptions();
        options.Validate();
        var random = new Random(options.Seed);
        var p0 = (double)options.StartPrice;
        var crashSteps = (int)(options.CrashDuration.Ticks / options.Step.Ticks);
        var tailSteps = (int)(options.TailDuration.Ticks / options.Step.Ticks);
        var crashNoise = Bridge(random, crashSteps, options.NoisePerStep);
        var tailNoise = Bridge(random, tailSteps, options.NoisePerStep);
        var bottom = p0 * (1 - options.Drop);
        var depthBottom = 1 - options.DepthContraction;

        var steps = new List<ScenarioStep>(crashSteps + tailSteps + 1);
        for (var k = 0; k <= crashSteps; k++)
        {
            var s = SCurve((double)k / crashSteps);
            steps.Add(Step(options.Step * k, p0 * (1 - (options.Drop * s)) * Math.Exp(crashNoise[k]), 1 - (options.DepthContraction * s)));
        }

        for (var k = 1; k <= tailSteps; k++)
        {
            var s = SCurve((double)k / tailSteps);
            var price = bottom + ((p0 - bottom) * options.TailRetrace * s);
            var depth = depthBottom + (options.DepthContraction * options.TailDepthRecovery * s);
            steps.Add(Step(options.Step * (crashSteps + k), price * Math.Exp(tailNoise[k]), depth));
        }

        var source = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"DefaultScenario (seed {options.Seed}): price -{options.Drop * 100:0.#}% over {options.CrashDuration.TotalMinutes:0.#} min while depth contracts {options.DepthContraction * 100:0.#}%, then {options.TailDuration.TotalMinutes:0.#} min retracing {options.TailRetrace * 100:0.#}% of the fall");
        return new Scenario(Name, steps, source);
    }

    private static ScenarioStep Step(TimeSpan offset, double price, double depth) =>
        new(offset, decimal.Round((decimal)price, 2, MidpointRounding.ToEven), Math.Round(depth, 6));

    private static double SCurve(double tau) => (1 - Math.Cos(Math.PI * tau)) / 2;

    /// <summary>A Brownian bridge of <paramref name="steps"/> steps: zero at both ends.</summary>
    private static double[] Bridge(Random random, int steps, double sigma)
    {
        var walk = new double[steps + 1];
        for (var k = 1; k <= steps; k++)
        {
            walk[k] = walk[k - 1] + (sigma * Gaussian(random));
        }

        var end = walk[steps];
        for (var k = 0; k <= steps; k++)
        {
            walk[k] -= end * k / Math.Max(1, steps);
        }

        return walk;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
