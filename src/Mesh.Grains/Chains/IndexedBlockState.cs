namespace Mesh.Grains.Chains;

/// <summary>A block the index read that is not final yet: its hash tells a reorganisation.</summary>
internal sealed class IndexedBlockState
{
    /// <summary>Gets or sets the block number.</summary>
    public ulong Number { get; set; }

    /// <summary>Gets or sets the block hash (<c>0x</c> and 64 hex digits).</summary>
    public string Hash { get; set; } = "";
}
