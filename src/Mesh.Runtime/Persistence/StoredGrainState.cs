namespace Mesh.Runtime.Persistence;

/// <summary>A stored state record: its JSON (<see langword="null"/> for a cleared record) and version.</summary>
public sealed record StoredGrainState(string? Json, long Version);
