using System.Reflection;
using System.Security.Claims;
using Mesh.Errors;
using Microsoft.AspNetCore.Http;

namespace Mesh.Api.Authentication;

/// <summary>
/// The authenticated caller of an endpoint; declare a parameter of this type in a handler to get it. Use
/// <see cref="EnsureProtocol"/> on every endpoint that names a protocol (or its vault), so that a protocol key can
/// touch only its own id: another's gets 403 <c>auth.forbidden</c>.
/// </summary>
/// <param name="KeyId">The key id.</param>
/// <param name="Role">The key's role.</param>
/// <param name="Principal">Who the key acts for (the protocol id for a protocol key).</param>
public sealed record ApiCaller(string KeyId, ApiRole Role, string Principal)
{
    /// <summary>The idempotency scope of this caller: keys of one principal share it across key rotations.</summary>
    public string Scope => $"{ApiRoles.NameOf(Role)}:{Principal}";

    /// <summary>Reads the caller of an authenticated request.</summary>
    /// <param name="user">The request's user.</param>
    /// <returns>The caller, or null when the request carries no valid key.</returns>
    public static ApiCaller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var keyId = user.FindFirstValue(ApiClaims.KeyId);
        var principal = user.FindFirstValue(ApiClaims.Principal);
        return keyId is not null && principal is not null && ApiRoles.TryParse(user.FindFirstValue(ApiClaims.Role), out var role)
            ? new ApiCaller(keyId, role, principal)
            : null;
    }

    /// <summary>Minimal API binding: the caller of the request; an endpoint with this parameter must require authorization.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The caller.</returns>
    /// <exception cref="MeshException">Forbidden when the request is not authenticated (the endpoint forgot its policy).</exception>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<ApiCaller?>(From(context.User)
            ?? throw new MeshException(MeshErrorKind.Forbidden, Problems.ApiErrorCodes.Forbidden, "This endpoint needs an API key."));
    }

    /// <summary>Allows a protocol key acting for <paramref name="protocolId"/> (and operators when <paramref name="allowOperator"/>); else throws 403.</summary>
    /// <param name="protocolId">The protocol the request touches.</param>
    /// <param name="allowOperator">Whether an operator key may act for any protocol here.</param>
    /// <exception cref="MeshException">Forbidden (<c>auth.forbidden</c>).</exception>
    public void EnsureProtocol(string protocolId, bool allowOperator = false)
    {
        if (Role == ApiRole.Protocol && string.Equals(Principal, protocolId, StringComparison.Ordinal))
        {
            return;
        }

        if (allowOperator && Role == ApiRole.Operator)
        {
            return;
        }

        throw new MeshException(
            MeshErrorKind.Forbidden,
            Problems.ApiErrorCodes.Forbidden,
            Role == ApiRole.Protocol ? "This key acts for another protocol." : $"A {ApiRoles.NameOf(Role)} key may not act for a protocol here.");
    }
}
