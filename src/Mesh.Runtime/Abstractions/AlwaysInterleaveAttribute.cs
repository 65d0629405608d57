namespace Mesh.Runtime;

/// <summary>Marks a grain method that may interleave with any other turn of its activation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
