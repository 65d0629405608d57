namespace Mesh.Api.Keys;

/// <summary>An API key as listed: never its secret.</summary>
/// <param name="KeyId">The key id.</param>
/// <param name="Role">The role name.</param>
/// <param name="Principal">Who it acts for.</param>
/// <param name="Name">Its label.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record ApiKeyView(string KeyId, string Role, string Principal, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ApiKeyView From(ApiKeySummary summary) => new(
        summary.KeyId, Authentication.ApiRoles.NameOf(summary.Role), summary.Principal, summary.Name, summary.CreatedAt, summary.RevokedAt);
}
