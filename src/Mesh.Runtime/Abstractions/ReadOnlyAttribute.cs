namespace Mesh.Runtime;

/// <summary>Marks a grain method that does not change state: read-only turns may interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadOnlyAttribute : Attribute
{
}
