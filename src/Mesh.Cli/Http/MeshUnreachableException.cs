namespace Mesh.Cli.Http;

/// <summary>The API could not be reached, or what answered is not the mesh's API (exit code 3).</summary>
internal sealed class MeshUnreachableException : Exception
{
    public MeshUnreachableException()
    {
    }

    public MeshUnreachableException(string message)
        : base(message)
    {
    }

    public MeshUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
