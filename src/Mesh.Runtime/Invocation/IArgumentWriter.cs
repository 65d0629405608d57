namespace Mesh.Runtime.Invocation;

/// <summary>Writes call arguments for a call to another silo.</summary>
public interface IArgumentWriter
{
    /// <summary>Writes one argument.</summary>
    void Write<T>(T value);
}
