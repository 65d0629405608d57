using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>A movement event the index holds as tentative (its block is not final yet).</summary>
internal sealed class IndexedEventState
{
    /// <summary>Gets or sets the operation id (<c>0x</c> and 64 hex digits).</summary>
    public string OperationId { get; set; } = "";

    /// <summary>Gets or sets what moved.</summary>
    public OperationKind Kind { get; set; }

    /// <summary>Gets or sets the protocol.</summary>
    public string Protocol { get; set; } = "";

    /// <summary>Gets or sets the token symbol.</summary>
    public string Token { get; set; } = "";

    /// <summary>Gets or sets the amount in base units.</summary>
    public UInt128 Amount { get; set; }

    /// <summary>Gets or sets the block number.</summary>
    public ulong Block { get; set; }

    /// <summary>Gets or sets the block hash.</summary>
    public string BlockHash { get; set; } = "";

    /// <summary>Gets or sets the transaction hash.</summary>
    public string Transaction { get; set; } = "";

    /// <summary>Gets or sets the log index within the block.</summary>
    public int LogIndex { get; set; }
}
