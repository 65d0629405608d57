namespace Mesh.Silo.Hosting;

/// <summary>Top-level silo settings (configuration section <c>Mesh</c>).</summary>
public sealed class SiloOptions
{
    /// <summary>Gets or sets the folder for the embedded SQLite state file and other local data.</summary>
    /// <value>The default is <c>data</c> (relative to the working directory).</value>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the path of the chains file.</summary>
    /// <value>The default is <c>chains.json</c> (relative to the working directory).</value>
    public string ChainsFile { get; set; } = "chains.json";

    /// <summary>Gets or sets this silo's id; empty picks host name, process id and a random suffix.</summary>
    /// <value>The default is empty.</value>
    public string? SiloId { get; set; }
}
