namespace Mesh.Grains.Revaluation;

/// <summary>The vaults of one revaluation partition (plain data).</summary>
public sealed class RevaluationIndexState
{
    /// <summary>Gets or sets the vault keys.</summary>
    public SortedSet<string> Vaults { get; set; } = new(StringComparer.Ordinal);
}
