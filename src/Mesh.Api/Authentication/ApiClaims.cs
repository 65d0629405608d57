namespace Mesh.Api.Authentication;

/// <summary>The claims an authenticated API key carries.</summary>
public static class ApiClaims
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The key id.</summary>
    public const string KeyId = "mesh:key_id";

    /// <summary>The role name (<see cref="ApiRoles"/>); also the standard role claim.</summary>
    public const string Role = System.Security.Claims.ClaimTypes.Role;

    /// <summary>The principal the key acts for (the protocol id for a protocol key).</summary>
    public const string Principal = "mesh:principal";
}
