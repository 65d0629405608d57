using System.Security.Claims;
using System.Text.Encodings.Web;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Api.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>, validates it (<see cref="ApiKeyStore"/>)
/// and answers a refused request with a problem: 401 <c>auth.missing_key</c> or <c>auth.invalid_key</c>, 403
/// <c>auth.forbidden</c>. The key never reaches a log line, an exception or a problem.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyFormat.TryParse(presented, out var keyId, out var secret))
        {
            LogRefused(Logger, "malformed");
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var summary = await store.ValidateAsync(keyId, secret, Context.RequestAborted);
        if (summary is null)
        {
            LogRefused(Logger, "unknown, revoked or wrong secret");
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ApiClaims.KeyId, summary.KeyId),
                new Claim(ApiClaims.Role, ApiRoles.NameOf(summary.Role)),
                new Claim(ApiClaims.Principal, summary.Principal),
            ],
            Scheme.Name,
            ApiClaims.KeyId,
            ApiClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var (code, detail) = result.None
            ? (ApiErrorCodes.MissingKey, "This endpoint needs an API key: Authorization: Bearer <key>, or X-Api-Key: <key>.")
            : (ApiErrorCodes.InvalidKey, "The API key is malformed, unknown or revoked.");
        Response.Headers.WWWAuthenticate = "Bearer realm=\"mesh\"";
        await ApiProblems.WriteAsync(Context, ApiProblems.Create(Context, StatusCodes.Status401Unauthorized, code, detail));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ApiClaims.Role)?.Value ?? "unknown";
        return ApiProblems.WriteAsync(Context, ApiProblems.Create(
            Context, StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, $"A {role} key may not call this endpoint."));
    }

    private static string? Presented(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization))
        {
            return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : authorization;
        }

        string? header = request.Headers[HeaderName];
        return string.IsNullOrEmpty(header) ? null : header.Trim();
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "API key refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
