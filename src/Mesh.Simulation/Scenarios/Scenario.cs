namespace Mesh.Simulation.Scenarios;

/// <summary>
/// A price and liquidity path the simulation replays: steps at strictly increasing offsets, each in force until the
/// next. The simulation engine sets the venue's exogenous price and depth multiplier from each step in turn.
/// </summary>
public sealed class Scenario
{
    /// <summary>Creates a scenario, checking its steps.</summary>
    /// <param name="name">A short name for reports.</param>
    /// <param name="steps">The steps: at least one, the first at offset zero, offsets strictly increasing, prices and depth multipliers above zero and finite.</param>
    /// <param name="source">Where the path comes from (a generator and its seed, or a data set and its publisher).</param>
    /// <param name="start">The wall-clock moment of offset zero, when the path is historical.</param>
    /// <exception cref="ArgumentException">The steps break a rule; the message names the step.</exception>
    public Scenario(string name, IReadOnlyList<ScenarioStep> steps, string source, DateTimeOffset? start = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(source);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A scenario needs at least one step.", nameof(steps));
        }

        if (steps[0].Offset != TimeSpan.Zero)
        {
            throw new ArgumentException($"The first step must be at offset zero, not {steps[0].Offset}.", nameof(steps));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i] ?? throw new ArgumentException($"Step {i} is null.", nameof(steps));
            if (step.Price <= 0m)
            {
                throw new ArgumentException($"Step {i}: the price must be above zero, not {step.Price}.", nameof(steps));
            }

            if (!(double.IsFinite(step.DepthMultiplier) && step.DepthMultiplier > 0))
            {
                throw new ArgumentException($"Step {i}: the depth multiplier must be finite and above zero, not {step.DepthMultiplier}.", nameof(steps));
            }

            if (i > 0 && step.Offset <= steps[i - 1].Offset)
            {
                throw new ArgumentException($"Step {i}: offsets must strictly increase ({step.Offset} follows {steps[i - 1].Offset}).", nameof(steps));
            }
        }

        Name = name;
        Source = source;
        Start = start;
        Steps = [.. steps];
    }

    /// <summary>Gets the scenario's short name.</summary>
    public string Name { get; }

    /// <summary>Gets where the path comes from.</summary>
    public string Source { get; }

    /// <summary>Gets the wall-clock moment of offset zero, when the path is historical.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>Gets the steps in order.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>Gets the offset of the last step.</summary>
    public TimeSpan Duration => Steps[^1].Offset;

    /// <summary>Gets the first step's price.</summary>
    public decimal StartPrice => Steps[0].Price;

    /// <summary>Gets the step with the lowest price (the first of them on a tie).</summary>
    public ScenarioStep Trough => Steps.Aggregate((low, s) => s.Price < low.Price ? s : low);

    /// <summary>The same path replayed faster (or slower): every offset divided by <paramref name="factor"/>.</summary>
    /// <param name="factor">How many times faster; finite and above zero (4 days at 192 is 30 minutes).</param>
    /// <returns>The scaled scenario, named after this one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The factor is out of range, or so large that two steps would share an offset.</exception>
    public Scenario WithTimeScale(double factor)
    {
        if (!(double.IsFinite(factor) && factor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The time scale must be finite and above zero.");
        }

        var steps = Steps.Select(s => s with { Offset = TimeSpan.FromTicks((long)Math.Round(s.Offset.Ticks / factor)) }).ToList();
        if (steps.Zip(steps.Skip(1)).Any(p => p.Second.Offset <= p.First.Offset))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The time scale is so large that two steps would share an offset.");
        }

        return new Scenario(Name, steps, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Source} (time x{factor:0.###})"), Start);
    }

    /// <summary>The step in force at an offset: the last one at or before it (the first step before the start).</summary>
    /// <param name="offset">Time since the start.</param>
    /// <returns>The step.</returns>
    public ScenarioStep At(TimeSpan offset)
    {
        int lo = 0, hi = Steps.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Steps[mid].Offset <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Steps[lo];
    }
}
