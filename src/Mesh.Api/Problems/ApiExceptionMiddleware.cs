using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mesh.Api.Problems;

/// <summary>
/// Turns every failure of a request into a problem: known ones by <see cref="ExceptionProblems"/>, anything else into a
/// 500 with a generic detail (no stack, no message) that is logged with the trace id.
/// </summary>
internal sealed partial class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            if (ExceptionProblems.TryMap(context, exception, out var problem, out var retryAfter))
            {
                await ApiProblems.WriteAsync(context, problem, retryAfter);
                return;
            }

            var traceId = ApiProblems.TraceId(context);
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path, traceId);
            await ApiProblems.WriteAsync(context, ApiProblems.Create(
                context,
                StatusCodes.Status500InternalServerError,
                ApiErrorCodes.Internal,
                $"An unexpected error occurred; the server log has it under trace id {traceId}."));
        }
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path} (trace id {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path, string traceId);
}
