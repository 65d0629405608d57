namespace Mesh.Simulation.Reports;

/// <summary>One policy's run of a scenario: its time series and its summary.</summary>
/// <param name="Policy">The policy's name (see <see cref="PolicyNames"/>).</param>
/// <param name="Samples">The time series in offset order.</param>
/// <param name="Summary">What the run came to.</param>
/// <param name="Vaults">Each vault's outcome, in vault order; empty when the run did not keep them.</param>
public sealed record PolicyRun(string Policy, IReadOnlyList<PolicySample> Samples, PolicySummary Summary, IReadOnlyList<VaultResult>? Vaults = null)
{
    /// <summary>Gets each vault's outcome, in vault order; empty when the run did not keep them.</summary>
    public IReadOnlyList<VaultResult> Vaults { get; } = Vaults ?? [];
}
