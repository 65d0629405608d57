namespace Mesh.Api.Problems;

/// <summary>The stable <c>code</c> values of problems the API infrastructure itself returns. Domain codes come from <see cref="Errors.MeshException.Code"/>.</summary>
public static class ApiErrorCodes
{
    /// <summary>The body is not well-formed JSON (400).</summary>
    public const string MalformedJson = "request.malformed_json";

    /// <summary>The body has a field the endpoint does not know (400).</summary>
    public const string UnknownField = "request.unknown_field";

    /// <summary>The body names a field twice (400).</summary>
    public const string DuplicateField = "request.duplicate_field";

    /// <summary>A required field is missing (400).</summary>
    public const string MissingField = "request.missing_field";

    /// <summary>A field has the wrong JSON type or an unreadable value (400).</summary>
    public const string InvalidField = "request.invalid_field";

    /// <summary>An amount is not a positive whole number of base units below 2^128 written as a JSON string (400).</summary>
    public const string InvalidAmount = "request.invalid_amount";

    /// <summary>A name (asset, chain, principal) is malformed (400).</summary>
    public const string InvalidName = "request.invalid_name";

    /// <summary>A query or route parameter is malformed (400).</summary>
    public const string InvalidParameter = "request.invalid_parameter";

    /// <summary>The body is larger than <see cref="MeshApiOptions.MaxRequestBodyBytes"/> (413).</summary>
    public const string BodyTooLarge = "request.body_too_large";

    /// <summary>The body is not <c>application/json</c> (415).</summary>
    public const string UnsupportedMediaType = "request.unsupported_media_type";

    /// <summary>No endpoint has this path (404).</summary>
    public const string RouteNotFound = "request.route_not_found";

    /// <summary>The endpoint does not take this method (405).</summary>
    public const string MethodNotAllowed = "request.method_not_allowed";

    /// <summary>The request carries no API key (401).</summary>
    public const string MissingKey = "auth.missing_key";

    /// <summary>The API key is malformed, unknown or revoked (401).</summary>
    public const string InvalidKey = "auth.invalid_key";

    /// <summary>The key's role or principal may not do this (403).</summary>
    public const string Forbidden = "auth.forbidden";

    /// <summary>The key (or address) sent too many requests (429).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A value-moving POST came without an <c>Idempotency-Key</c> header (400).</summary>
    public const string KeyRequired = "idempotency.key_required";

    /// <summary>The <c>Idempotency-Key</c> header is not 1 to 255 visible ASCII characters (400).</summary>
    public const string KeyInvalid = "idempotency.key_invalid";

    /// <summary>The idempotency key was first used for a different request (422).</summary>
    public const string KeyReused = "idempotency.key_reused";

    /// <summary>A request with this idempotency key is still running (409, Retry-After).</summary>
    public const string InProgress = "idempotency.in_progress";

    /// <summary>The cursor was not issued by this list (400).</summary>
    public const string InvalidCursor = "pagination.invalid_cursor";

    /// <summary>The limit is not a whole number in range (400).</summary>
    public const string InvalidLimit = "pagination.invalid_limit";

    /// <summary>The cluster could not answer in time or a silo is unreachable (503, Retry-After).</summary>
    public const string Unavailable = "cluster.unavailable";

    /// <summary>A concurrent write won; retry (409).</summary>
    public const string StateConflict = "state.conflict";

    /// <summary>An unexpected failure; details are in the server log under the trace id (500).</summary>
    public const string Internal = "internal";
}
