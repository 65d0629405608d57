namespace Mesh.Grains.Rebalancing;

/// <summary>What a <see cref="PendingOperation"/> does.</summary>
internal enum PendingKind
{
    /// <summary>A sale request.</summary>
    Request,

    /// <summary>A completion.</summary>
    Complete,

    /// <summary>A release.</summary>
    Release,

    /// <summary>A read of one request.</summary>
    Status,

    /// <summary>A read of the market.</summary>
    View,

    /// <summary>A timer or reminder: expire what is due, grant the queue.</summary>
    Tick,

    Allocate,
}
