using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Api.Problems;

/// <summary>
/// Builds and writes RFC 9457 problems: <c>type</c> (<c>urn:mesh:problem:&lt;code&gt;</c>), <c>title</c>, <c>status</c>,
/// <c>detail</c>, and the extensions <c>code</c>, <c>field</c> (when a field is at fault) and <c>traceId</c>.
/// </summary>
public static class ApiProblems
{
    /// <summary>The media type of every error response.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The prefix of every problem <c>type</c>.</summary>
    public const string TypePrefix = "urn:mesh:problem:";

    /// <summary>Creates a problem.</summary>
    /// <param name="context">The request (for the trace id).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="detail">A sentence for a person.</param>
    /// <param name="field">The field at fault, if any.</param>
    /// <returns>The problem.</returns>
    public static ProblemDetails Create(HttpContext context, int statusCode, string code, string detail, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Type = TypePrefix + code,
            Title = ReasonPhrases.GetReasonPhrase(statusCode),
            Status = statusCode,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        problem.Extensions["traceId"] = TraceId(context);
        return problem;
    }

    /// <summary>Writes a problem as the response (status, <c>Retry-After</c> when given, and the body).</summary>
    /// <param name="context">The request.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="retryAfterSeconds">Seconds to put in <c>Retry-After</c>, if any.</param>
    /// <returns>A task that completes once written.</returns>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        }

        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>The trace id of the request: the W3C trace id when tracing is on, else the connection's request id.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The id.</returns>
    public static string TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current?.Id ?? context.TraceIdentifier;
    }

    /// <summary>Fills what a framework-made problem (404, 405, 415) lacks: a code, the type, the trace id.</summary>
    /// <param name="context">The problem being written.</param>
    internal static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var code = status switch
            {
                StatusCodes.Status404NotFound => ApiErrorCodes.RouteNotFound,
                StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.UnsupportedMediaType,
                StatusCodes.Status401Unauthorized => ApiErrorCodes.MissingKey,
                StatusCodes.Status403Forbidden => ApiErrorCodes.Forbidden,
                StatusCodes.Status429TooManyRequests => ApiErrorCodes.RateLimited,
                >= 500 => ApiErrorCodes.Internal,
                _ => ApiErrorCodes.InvalidParameter,
            };
            problem.Extensions["code"] = code;
            problem.Type = TypePrefix + code;
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Detail ??= status switch
            {
                StatusCodes.Status404NotFound => "No endpoint has this path.",
                StatusCodes.Status405MethodNotAllowed => $"This endpoint does not take {context.HttpContext.Request.Method}.",
                StatusCodes.Status415UnsupportedMediaType => "The body must be application/json.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
        }

        problem.Extensions.TryAdd("traceId", TraceId(context.HttpContext));
    }
}
