namespace Mesh.Grains.Protocols;

/// <summary>The protocol ids of one directory partition (plain data).</summary>
public sealed class ProtocolDirectoryState
{
    /// <summary>Gets or sets the ids.</summary>
    public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
