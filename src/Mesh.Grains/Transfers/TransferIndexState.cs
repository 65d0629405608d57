namespace Mesh.Grains.Transfers;

/// <summary>The request ids of the transfers in flight (plain data).</summary>
public sealed class TransferIndexState
{
    /// <summary>Gets or sets the ids.</summary>
    public SortedSet<string> InFlight { get; set; } = new(StringComparer.Ordinal);
}
