namespace Mesh.Simulation.Reports;

/// <summary>One policy's run of a scenario: its time series and its summary.</summary>
/// <param name="Policy">The policy's name (see <see cref="PolicyNames"/>).</param>
/// <param name="Samples">The time series in offset order.</param>
/// <param name="Summary">What the run came to.</param>
public sealed record PolicyRun(string Policy, IReadOnlyList<PolicySample> Samples, PolicySummary Summary);
