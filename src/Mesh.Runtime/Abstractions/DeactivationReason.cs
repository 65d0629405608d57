namespace Mesh.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The activation was idle longer than the collection age.</summary>
    Idle,

    /// <summary>The grain asked to be deactivated.</summary>
    Requested,

    /// <summary>The silo is shutting down.</summary>
    Shutdown,

    /// <summary>A state write conflicted; the activation is dropped so that its next activation reloads state.</summary>
    InconsistentState,

    /// <summary>The silo no longer owns the grain's partition.</summary>
    OwnershipLost,
}
