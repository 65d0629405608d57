using System.Reflection;

namespace Mesh.Runtime.Transport;

/// <summary>Rebuilds an exception thrown on another silo as its own type when that type can be constructed from a message.</summary>
internal static class RemoteExceptions
{
    public static Exception Rebuild(string typeName, string assemblyName, string message, List<string> cycle, Uri silo)
    {
        if (typeName == typeof(DeadlockException).FullName)
        {
            return new DeadlockException(cycle);
        }

        if (typeName == typeof(InconsistentStateException).FullName)
        {
            return new InconsistentStateException(message, 0, null);
        }

        if (typeName == typeof(SiloUnavailableException).FullName)
        {
            return new SiloUnavailableException(message);
        }

        if (typeName == typeof(GrainCallTimeoutException).FullName)
        {
            return new GrainCallTimeoutException(message);
        }

        var type = Type.GetType($"{typeName}, {assemblyName}", throwOnError: false);
        if (type is null || !typeof(Exception).IsAssignableFrom(type))
        {
            return new RemoteGrainException(typeName, message, silo);
        }

        // (message, inner) means "message" for every exception type, including the argument exceptions whose (string)
        // constructor takes a parameter name; fall back to (message).
        if (type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(Exception)]) is { } withInner)
        {
            return (Exception)withInner.Invoke([message, null]);
        }

        return type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]) is { } constructor
            ? (Exception)constructor.Invoke([message])
            : new RemoteGrainException(typeName, message, silo);
    }
}
