namespace Mesh.Api;

/// <summary>What an API key may do. Each role has one authorization policy of the same name in Mesh.Api.</summary>
public enum ApiRole
{
    /// <summary>Runs the mesh: approves and suspends protocols, sets limits, manages API keys.</summary>
    Operator = 0,

    /// <summary>A member protocol; acts only on its own protocol id (its principal) and its own vaults.</summary>
    Protocol = 1,

    /// <summary>Asks the mesh to move collateral between chains.</summary>
    Router = 2,

    /// <summary>Feeds price observations to oracles.</summary>
    OracleFeeder = 3,
}
