using Mesh.Api.Authentication;
using Mesh.Api.Pagination;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Api.Keys;

/// <summary>Key management for operators: create (the key is shown once), list (never a secret), revoke.</summary>
internal static class ApiKeyEndpoints
{
    private const int MaxNameLength = 100;

    public static void Map(RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/operator/keys").RequireAuthorization(ApiPolicies.Operator).WithTags("API keys");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates an API key; the answer holds the key, shown this once.");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Lists API keys in key id order, cursor-paginated; never a secret.");
        keys.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes an API key; it stops working within Mesh:Api:KeyCacheDuration on every silo.");
    }

    private static async Task<Created<CreatedApiKey>> CreateAsync(CreateApiKeyRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        if (!ApiRoles.TryParse(request.Role, out var role))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidField, $"role: must be one of {string.Join(", ", ApiRoles.All)}.", "role");
        }

        string? principal = null;
        if (role == ApiRole.Operator)
        {
            if (request.Principal is not null)
            {
                throw new ApiException(400, ApiErrorCodes.InvalidField, "principal: not allowed for an operator key (it acts for itself).", "principal");
            }
        }
        else
        {
            principal = Json.ApiNames.Principal(request.Principal);
        }

        var name = request.Name ?? string.Empty;
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidField, $"name: must be at most {MaxNameLength} characters without control characters.", "name");
        }

        var (summary, key) = await keys.CreateAsync(role, principal, name, cancellationToken);
        return TypedResults.Created($"/api/operator/keys/{summary.KeyId}", new CreatedApiKey(key, ApiKeyView.From(summary)));
    }

    private static async Task<Ok<CursorPage<ApiKeyView>>> ListAsync([AsParameters] PageQuery query, ApiKeyService keys, MeshApiOptions options, CancellationToken cancellationToken)
    {
        var page = Pages.Read(query, options);
        var found = await keys.ListAsync(page.After, page.Limit, cancellationToken);
        return TypedResults.Ok(Pages.Create(found.Items.Select(ApiKeyView.From).ToList(), found.HasMore, k => k.KeyId));
    }

    private static async Task<Ok<ApiKeyView>> RevokeAsync(string keyId, ApiKeyService keys, CancellationToken cancellationToken)
    {
        if (keyId.Length != 16 || !keyId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ApiException(400, ApiErrorCodes.InvalidParameter, "keyId: must be 16 lower-case hex digits.", "keyId");
        }

        return TypedResults.Ok(ApiKeyView.From(await keys.RevokeAsync(keyId, cancellationToken)));
    }
}
