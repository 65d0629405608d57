namespace Mesh.Grains.Oracles;

/// <summary>A fault a simulated source can show, from its <see cref="SimulatedSourceOptions.FaultFrom"/> on.</summary>
internal enum SimulatedSourceFault
{
    /// <summary>Reports the true price with its noise.</summary>
    None,

    /// <summary>Stops reporting, so its latest observation goes stale.</summary>
    Silent,

    /// <summary>Keeps reporting the price it had when the fault began, with fresh timestamps (a stuck value).</summary>
    Frozen,

    /// <summary>Reports the true price times <see cref="SimulatedSourceOptions.ManipulationFactor"/> (an outlier spike).</summary>
    Manipulated,
}
