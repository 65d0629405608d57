namespace Mesh.Silo.Hosting;

/// <summary>Which grain directory a cluster uses (see docs/decisions/0002-grain-directory.md).</summary>
public enum GrainDirectoryKind
{
    /// <summary>Orleans' distributed grain directory: strongly consistent across membership changes.</summary>
    Distributed,

    /// <summary>Orleans' default directory: eventually consistent; brief duplicate activations during failures.</summary>
    Default,
}
