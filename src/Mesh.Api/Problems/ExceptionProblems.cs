using System.Text.Json;
using Mesh.Api.Json;
using Mesh.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mesh.Api.Problems;

/// <summary>Maps the failures a request can end in to problems; an exception it does not know is left for a 500.</summary>
internal static class ExceptionProblems
{
    /// <summary>Tries to describe <paramref name="exception"/> as a problem.</summary>
    /// <param name="context">The request.</param>
    /// <param name="exception">What was thrown.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="retryAfterSeconds">Seconds for <c>Retry-After</c>, if any.</param>
    /// <returns>True when the exception is a known failure.</returns>
    public static bool TryMap(HttpContext context, Exception exception, out ProblemDetails problem, out int? retryAfterSeconds)
    {
        retryAfterSeconds = null;
        switch (Unwrap(exception))
        {
            case MeshException mesh:
                var status = StatusOf(mesh.Kind);
                retryAfterSeconds = mesh.Kind == MeshErrorKind.Unavailable ? 1 : null;
                problem = ApiProblems.Create(context, status, mesh.Code, mesh.Message, mesh.Field);
                return true;
            case ApiException api:
                retryAfterSeconds = api.RetryAfterSeconds;
                problem = ApiProblems.Create(context, api.StatusCode, api.Code, api.Message, api.Field);
                return true;
            case BadHttpRequestException bad:
                problem = FromBadRequest(context, bad);
                return true;
            case JsonException json:
                var failure = StrictJson.Describe(json);
                problem = ApiProblems.Create(context, StatusCodes.Status400BadRequest, failure.Code, failure.Detail, failure.Field);
                return true;
            case TimeoutException:
                retryAfterSeconds = 1;
                problem = ApiProblems.Create(context, StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.Unavailable, "The cluster did not answer in time; retry shortly.");
                return true;
            case var other when IsOrleansUnavailable(other):
                retryAfterSeconds = 1;
                problem = ApiProblems.Create(context, StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.Unavailable, "A silo is unreachable; retry shortly.");
                return true;
            case Orleans.Storage.InconsistentStateException:
                retryAfterSeconds = 1;
                problem = ApiProblems.Create(context, StatusCodes.Status409Conflict, ApiErrorCodes.StateConflict, "A concurrent change won; retry the request.");
                return true;
            default:
                problem = null!;
                return false;
        }
    }

    /// <summary>
    /// Whether the failure is about the request's shape (body, parameters, headers) rather than a domain decision: the
    /// handler did not act, so an idempotent attempt is released instead of recorded, and a corrected retry may reuse the key.
    /// </summary>
    /// <param name="exception">What was thrown.</param>
    /// <returns>True for request-shape failures.</returns>
    public static bool IsRequestShape(Exception exception) =>
        Unwrap(exception) is ApiException or BadHttpRequestException or JsonException;

    /// <summary>
    /// Whether the failure says "retry": a concurrent write won (409 <c>state.conflict</c>). The grain kept its state as
    /// storage holds it, so the attempt is released, not recorded, and a retry with the same key runs again (the
    /// domain dedupes by operation id) instead of getting the conflict back forever.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Whether a retry should run again.</returns>
    public static bool IsRetryable(Exception exception) =>
        Unwrap(exception) is Orleans.Storage.InconsistentStateException;

    /// <summary>The status of a domain failure kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The HTTP status.</returns>
    public static int StatusOf(MeshErrorKind kind) => kind switch
    {
        MeshErrorKind.Validation => StatusCodes.Status400BadRequest,
        MeshErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        MeshErrorKind.NotFound => StatusCodes.Status404NotFound,
        MeshErrorKind.Conflict => StatusCodes.Status409Conflict,
        MeshErrorKind.Refused => StatusCodes.Status422UnprocessableEntity,
        MeshErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Orleans and the task machinery wrap failures (aggregate, invocation); the domain failure is inside.</summary>
    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        for (var depth = 0; depth < 8; depth++)
        {
            switch (current)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    current = aggregate.InnerExceptions[0];
                    continue;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    current = inner;
                    continue;
                case Orleans.Runtime.OrleansException { InnerException: MeshException or ApiException } orleans:
                    current = orleans.InnerException!;
                    continue;
                default:
                    return current;
            }
        }

        return current;
    }

    private static bool IsOrleansUnavailable(Exception exception) =>
        exception is Orleans.Runtime.SiloUnavailableException
        || exception.GetType().FullName is "Orleans.Runtime.OrleansMessageRejectionException" or "Orleans.Runtime.GatewayTooBusyException" or "Orleans.Runtime.ClientNotAvailableException";

    private static ProblemDetails FromBadRequest(HttpContext context, BadHttpRequestException bad)
    {
        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                var failure = StrictJson.Describe(json);
                return ApiProblems.Create(context, StatusCodes.Status400BadRequest, failure.Code, failure.Detail, failure.Field);
            }

            if (inner is ApiException api)
            {
                return ApiProblems.Create(context, api.StatusCode, api.Code, api.Message, api.Field);
            }
        }

        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(context, bad.StatusCode, ApiErrorCodes.BodyTooLarge, "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(context, bad.StatusCode, ApiErrorCodes.UnsupportedMediaType, "The body must be application/json."),
            _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                ApiProblems.Create(context, StatusCodes.Status400BadRequest, ApiErrorCodes.MalformedJson, "body: a JSON body is required."),
            _ => ApiProblems.Create(context, StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameter, bad.Message),
        };
    }
}
