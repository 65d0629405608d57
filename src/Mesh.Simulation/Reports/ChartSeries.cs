namespace Mesh.Simulation.Reports;

/// <summary>A line on a chart.</summary>
/// <param name="Name">The legend's label.</param>
/// <param name="Color">A CSS colour.</param>
/// <param name="Points">The points in x order.</param>
/// <param name="Dashed">Whether the line is dashed (a reference, not a policy).</param>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);
