namespace Mesh.Runtime.Persistence;

/// <summary>Builds the exceptions for writes that storage refused.</summary>
internal static class StateConflict
{
    public static InconsistentStateException Version(GrainStateKey key, long expected, long? stored) =>
        new($"State {key.GrainType}/{key.GrainKey}/{key.StateName} was expected at version {expected} but storage holds {(stored is null ? "no record" : "version " + stored)}; another activation wrote it. This activation is dropped and reloads state on its next call.", expected, stored);

    public static InconsistentStateException Fenced(GrainStateKey key, long expected, WriteFence fence) =>
        new($"State {key.GrainType}/{key.GrainKey}/{key.StateName} was not written: the lease epoch {fence.Epoch} of silo {fence.Owner} on partition {fence.Partition} is no longer current (another silo owns the partition).", expected, null);
}
