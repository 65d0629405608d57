namespace Mesh.Runtime;

/// <summary>Marker for every grain interface. Methods return <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
public interface IGrain
{
}
