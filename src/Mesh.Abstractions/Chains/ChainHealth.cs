namespace Mesh.Chains;

/// <summary>How a chain looks from the mesh, worst wins: <see cref="Unreachable"/>, then <see cref="Halted"/>, then <see cref="Degraded"/>.</summary>
public enum ChainHealth
{
    /// <summary>The RPC answers and the head advances at the expected pace.</summary>
    Healthy = 0,

    /// <summary>RPC calls failed or answered invalid data recently, or the head lags behind the clock; the chain still answers.</summary>
    Degraded = 1,

    /// <summary>The head has not advanced for several block times: nothing new is included or becomes final.</summary>
    Halted = 2,

    /// <summary>Several polls in a row failed, or the chain has never answered since the grain activated.</summary>
    Unreachable = 3,
}
