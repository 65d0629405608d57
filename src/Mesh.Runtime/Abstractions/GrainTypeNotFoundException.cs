namespace Mesh.Runtime;

/// <summary>No grain class is registered for an interface or grain type.</summary>
public sealed class GrainTypeNotFoundException(string what)
    : MeshRuntimeException("mesh.runtime.grain_type_not_found", $"No grain class is registered for {what}. Register the assembly that holds it with AddGrainAssembly.")
{
}
