namespace Mesh.Runtime.Invocation;

/// <summary>How a grain method's turns may interleave.</summary>
[Flags]
public enum GrainMethodFlags
{
    /// <summary>An ordinary, exclusive turn.</summary>
    None = 0,

    /// <summary>The method is <see cref="ReadOnlyAttribute">read-only</see>.</summary>
    ReadOnly = 1,

    /// <summary>The method <see cref="AlwaysInterleaveAttribute">always interleaves</see>.</summary>
    AlwaysInterleave = 2,
}
