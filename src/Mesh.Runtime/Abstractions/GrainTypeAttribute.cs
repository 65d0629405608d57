namespace Mesh.Runtime;

/// <summary>Names the grain type of a grain class (the default is the class name without "Grain", lower case).</summary>
/// <param name="name">The grain type name; stored with the grain's state, so keep it stable.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>Gets the grain type name.</summary>
    public string Name { get; } = name;
}
