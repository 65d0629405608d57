namespace Mesh.Api.Tests.Domain;

/// <summary>Who sends a request in the bad-input and authorization tables.</summary>
public enum Caller
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>The bootstrap operator key.</summary>
    Operator,

    /// <summary>The fixture protocol's own key.</summary>
    Protocol,

    /// <summary>Another approved protocol's key.</summary>
    OtherProtocol,

    /// <summary>A router key.</summary>
    Router,

    /// <summary>An oracle feeder key (source feed-1).</summary>
    Feeder,
}
