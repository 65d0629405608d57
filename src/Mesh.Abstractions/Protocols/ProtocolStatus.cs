namespace Mesh.Protocols;

/// <summary>Where a protocol is in its membership of the mesh.</summary>
[GenerateSerializer]
[Alias("mesh.protocol.status")]
public enum ProtocolStatus
{
    /// <summary>Never joined.</summary>
    None = 0,

    /// <summary>Asked to join; waits for an operator.</summary>
    Pending = 1,

    /// <summary>A member: may deposit, draw credit and report exposures.</summary>
    Active = 2,

    /// <summary>Suspended by an operator: may only reduce risk (repay, withdraw what is free, close exposures).</summary>
    Suspended = 3,

    /// <summary>Refused by an operator.</summary>
    Rejected = 4,

    /// <summary>Left the mesh with nothing encumbered.</summary>
    Left = 5,
}
