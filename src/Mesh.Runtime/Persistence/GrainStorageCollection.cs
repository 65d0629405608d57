namespace Mesh.Runtime.Persistence;

/// <summary>The named grain storage providers of a silo.</summary>
internal sealed class GrainStorageCollection(IReadOnlyDictionary<string, IGrainStorage> providers)
{
    public const string DefaultName = "Default";

    public IGrainStorage Get(string? name) =>
        providers.TryGetValue(name ?? DefaultName, out var storage)
            ? storage
            : throw new InvalidOperationException($"No grain storage named '{name ?? DefaultName}' is configured; add it with AddGrainStorage.");
}
