namespace Mesh.Simulation.Reports;

/// <summary>
/// The result of a fire-sale simulation: one run per policy over the same scenario. The simulation engine fills it;
/// <see cref="TextTableReport"/>, <see cref="CsvReport"/> and <see cref="HtmlReport"/> write it, the same bytes for the
/// same report.
/// </summary>
public sealed record SimulationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="title">The report's title.</param>
    /// <param name="scenario">The scenario's name and source, as one line.</param>
    /// <param name="runs">The runs, in the order the report shows them; policy names unique.</param>
    /// <param name="notes">Lines about the set-up (vault count, market parameters, seeds).</param>
    /// <exception cref="ArgumentException">A policy name is blank or repeated.</exception>
    public SimulationReport(string title, string scenario, IReadOnlyList<PolicyRun> runs, IReadOnlyList<string>? notes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Any(r => r is null || string.IsNullOrWhiteSpace(r.Policy)))
        {
            throw new ArgumentException("Every run needs a policy name.", nameof(runs));
        }

        if (runs.Select(r => r.Policy).Distinct(StringComparer.Ordinal).Count() != runs.Count)
        {
            throw new ArgumentException("Policy names must be unique in a report.", nameof(runs));
        }

        Title = title;
        Scenario = scenario;
        Runs = [.. runs];
        Notes = [.. notes ?? []];
    }

    /// <summary>Gets the report's title.</summary>
    public string Title { get; }

    /// <summary>Gets the scenario's name and source.</summary>
    public string Scenario { get; }

    /// <summary>Gets the runs.</summary>
    public IReadOnlyList<PolicyRun> Runs { get; }

    /// <summary>Gets the lines about the set-up.</summary>
    public IReadOnlyList<string> Notes { get; }
}
