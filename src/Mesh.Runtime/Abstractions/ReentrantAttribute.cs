namespace Mesh.Runtime;

/// <summary>Marks a grain class whose turns may interleave at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute
{
}
