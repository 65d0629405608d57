namespace Mesh.Simulation.Reports;

/// <summary>Every vault's health factor at three moments of a run (infinite for a vault without debt; NaN is ignored).</summary>
/// <param name="Before">Before the shock.</param>
/// <param name="AtTrough">At the scenario's lowest price.</param>
/// <param name="After">At the end of the run.</param>
public sealed record HealthFactorDistributions(
    IReadOnlyList<double> Before,
    IReadOnlyList<double> AtTrough,
    IReadOnlyList<double> After)
{
    /// <summary>Gets distributions with no vaults.</summary>
    public static HealthFactorDistributions Empty { get; } = new([], [], []);
}
