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

        var type = Type.GetType($"{typeName}, {assemblyName}", throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type)
            && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]) is { } constructor)
        {
            return (Exception)constructor.Invoke([message]);
        }

        return new RemoteGrainException(typeName, message, silo);
    }
}
