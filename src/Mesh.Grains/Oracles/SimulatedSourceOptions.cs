namespace Mesh.Grains.Oracles;

/// <summary>One source of the simulated feed.</summary>
internal sealed class SimulatedSourceOptions
{
    /// <summary>Gets or sets the source's name (as configured in the asset's <see cref="OracleOptions.Sources"/>).</summary>
    /// <value>The default is empty, which is refused.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the standard deviation of the source's log-normal noise around the true price.</summary>
    /// <value>The default is 0.0005 (5 basis points).</value>
    public double Noise { get; set; } = 0.0005;

    /// <summary>Gets or sets the source's fault.</summary>
    /// <value>The default is <see cref="SimulatedSourceFault.None"/>.</value>
    public SimulatedSourceFault Fault { get; set; }

    /// <summary>Gets or sets when the fault begins; null means from the start.</summary>
    /// <value>The default is null.</value>
    public DateTimeOffset? FaultFrom { get; set; }

    /// <summary>Gets or sets the factor on the true price of a manipulated source.</summary>
    /// <value>The default is 1.5.</value>
    public double ManipulationFactor { get; set; } = 1.5;
}
