using System.Collections.Generic;
using System.Linq;

namespace Mesh.Runtime.CodeGen;

/// <summary>An equatable array wrapper so incremental pipeline models cache correctly.</summary>
internal readonly struct EquatableArray<T> : System.IEquatable<EquatableArray<T>>
    where T : System.IEquatable<T>
{
    private readonly T[]? _items;

    public EquatableArray(T[] items) => _items = items;

    public IReadOnlyList<T> Items => _items ?? System.Array.Empty<T>();

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
        {
            hash = (hash * 31) + item.GetHashCode();
        }

        return hash;
    }
}

internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

internal sealed record ParameterModel(string Type, string Name, bool IsCancellationToken);

internal sealed record MethodModel(
    string DeclaringInterface,
    string Name,
    string MethodId,
    ReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    EquatableArray<ParameterModel> Parameters,
    bool ReadOnly,
    bool AlwaysInterleave);

internal sealed record InterfaceModel(
    string FullName,
    string MetadataName,
    string MangledName,
    EquatableArray<MethodModel> Methods);

internal sealed record CtorParameterModel(string Type, string? StateName, string? StorageName, string? StateType);

internal sealed record GrainClassModel(
    string FullName,
    string MangledName,
    string GrainType,
    bool Reentrant,
    EquatableArray<string> Interfaces,
    EquatableArray<CtorParameterModel> CtorParameters,
    string? Error);
