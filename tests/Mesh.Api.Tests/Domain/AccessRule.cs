namespace Mesh.Api.Tests.Domain;

/// <summary>What a caller gets from an endpoint in the authorization matrix.</summary>
public enum AccessRule
{
    /// <summary>401: no key.</summary>
    Unauthorized,

    /// <summary>403: the key's role or principal may not.</summary>
    Forbidden,

    /// <summary>2xx: done.</summary>
    Ok,

    /// <summary>Past authorization: 2xx, or a domain 4xx other than 401/403 (for example a draw from an empty pool).</summary>
    Allowed,
}
