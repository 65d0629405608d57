namespace Mesh.Runtime;

/// <summary>Injects an <see cref="IPersistentState{TState}"/> into a grain constructor parameter.</summary>
/// <param name="stateName">The name of the state within the grain, e.g. <c>balance</c>.</param>
/// <param name="storageName">The storage provider name; <see langword="null"/> picks the default provider.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>Gets the state name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>Gets the storage provider name.</summary>
    public string? StorageName { get; } = storageName;
}
