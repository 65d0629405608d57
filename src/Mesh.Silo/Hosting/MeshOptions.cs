using Mesh.Api;
using Mesh.Storage;

namespace Mesh.Silo.Hosting;

/// <summary>Every setting of a silo: configuration section <c>Mesh</c>. Unknown keys under it stop start-up.</summary>
public sealed class MeshOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Mesh";

    /// <summary>Gets or sets the folder for the embedded SQLite state file; a single node locks it while it runs.</summary>
    /// <value>The default is <c>data</c> (relative to the working directory).</value>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the path of the chains file.</summary>
    /// <value>The default is <c>chains.json</c> (relative to the working directory).</value>
    public string ChainsFile { get; set; } = "chains.json";

    /// <summary>Gets or sets this silo's name in the membership table; empty picks the host name and process id.</summary>
    /// <value>The default is empty.</value>
    public string? SiloName { get; set; }

    /// <summary>Gets or sets the storage settings.</summary>
    /// <value>The default is SQLite under <see cref="DataDirectory"/>.</value>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Gets or sets the Orleans settings.</summary>
    /// <value>The default is a single node on loopback.</value>
    public MeshOrleansOptions Orleans { get; set; } = new();

    /// <summary>Gets or sets the HTTP API settings.</summary>
    /// <value>The default is 64 KiB bodies, per-key token buckets, the operator key in <c>data/operator.key</c>.</value>
    public MeshApiOptions Api { get; set; } = new();
}
