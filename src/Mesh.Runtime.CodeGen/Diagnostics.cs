using Microsoft.CodeAnalysis;

namespace Mesh.Runtime.CodeGen;

internal static class Diagnostics
{
    public static readonly DiagnosticDescriptor GenericGrainInterface = new(
        "MESH001", "Generic grain interface", "Grain interface '{0}' is generic; generic grain interfaces are not supported", "Mesh", DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GenericGrainMethod = new(
        "MESH002", "Generic grain method", "Grain method '{0}' is generic; generic grain methods are not supported", "Mesh", DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor BadReturnType = new(
        "MESH003", "Grain method return type", "Grain method '{0}' returns '{1}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>", "Mesh", DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor BadGrainClass = new(
        "MESH004", "Grain class cannot be constructed", "Grain class '{0}' cannot be constructed: {1}", "Mesh", DiagnosticSeverity.Error, true);
}
