namespace Mesh.Runtime.Persistence;

/// <summary>
/// The fencing token a write carries: the partition the grain hashes to, and the epoch of the writer's lease on it.
/// A write succeeds only while that epoch is still the partition's current one and held by <see cref="Owner"/>.
/// </summary>
/// <param name="Partition">The partition number.</param>
/// <param name="Epoch">The lease epoch.</param>
/// <param name="Owner">The owning silo's id; <see langword="null"/> means unfenced (a single silo owns everything).</param>
public readonly record struct WriteFence(int Partition, long Epoch, string? Owner)
{
    /// <summary>Gets the fence of a single silo, which owns everything.</summary>
    public static WriteFence None => default;

    /// <summary>Gets a value indicating whether this fence is checked.</summary>
    public bool IsFenced => Owner is not null;
}
