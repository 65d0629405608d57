namespace Mesh.Api.Problems;

/// <summary>
/// A request failure the API answers with a problem of its own status and code (for example 413
/// <c>request.body_too_large</c>). Domain failures use <see cref="Errors.MeshException"/> instead. Never put a secret in the message.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The stable code (see <see cref="ApiErrorCodes"/>).</param>
    /// <param name="detail">A sentence for a person; starts with the field when one is at fault.</param>
    /// <param name="field">The field at fault, if any.</param>
    public ApiException(int statusCode, string code, string detail, string? field = null)
        : base(detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        StatusCode = statusCode;
        Code = code;
        Field = field;
    }

    /// <summary>Gets the HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the stable code.</summary>
    public string Code { get; }

    /// <summary>Gets the field at fault, if any.</summary>
    public string? Field { get; }

    /// <summary>Gets the seconds a client should wait before retrying, for 409/429/503 answers.</summary>
    public int? RetryAfterSeconds { get; init; }
}
