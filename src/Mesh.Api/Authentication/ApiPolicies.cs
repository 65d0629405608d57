using Microsoft.AspNetCore.Authorization;

namespace Mesh.Api.Authentication;

/// <summary>Authorization policies, one per role, named as <see cref="ApiRoles"/>: <c>.RequireAuthorization(ApiPolicies.Operator)</c>.</summary>
public static class ApiPolicies
{
    /// <summary>Operator keys only.</summary>
    public const string Operator = ApiRoles.Operator;

    /// <summary>Protocol keys only; also check the protocol id with <see cref="ApiCaller.EnsureProtocol"/>.</summary>
    public const string Protocol = ApiRoles.Protocol;

    /// <summary>Router keys only.</summary>
    public const string Router = ApiRoles.Router;

    /// <summary>Oracle feeder keys only.</summary>
    public const string OracleFeeder = ApiRoles.OracleFeeder;

    /// <summary>Adds the role policies and makes any valid key the default requirement.</summary>
    /// <param name="options">The authorization options.</param>
    internal static void Add(AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder(ApiClaims.Scheme).RequireAuthenticatedUser().Build();
        foreach (var role in ApiRoles.All)
        {
            options.AddPolicy(role, p => p.AddAuthenticationSchemes(ApiClaims.Scheme).RequireAuthenticatedUser().RequireClaim(ApiClaims.Role, role));
        }
    }
}
