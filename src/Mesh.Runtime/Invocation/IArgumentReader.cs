namespace Mesh.Runtime.Invocation;

/// <summary>Reads call arguments of a call from another silo.</summary>
public interface IArgumentReader
{
    /// <summary>Reads one argument.</summary>
    T Read<T>();
}
