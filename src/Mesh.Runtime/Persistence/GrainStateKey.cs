namespace Mesh.Runtime.Persistence;

/// <summary>Identifies one named state of one grain.</summary>
public readonly record struct GrainStateKey(string GrainType, string GrainKey, string StateName);
