using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mesh.Api.Authentication;
using Mesh.Api.Json;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mesh.Api.Idempotency;

/// <summary>Runs endpoints marked <see cref="IdempotencyEndpointExtensions.RequireIdempotency{TBuilder}"/> under an <see cref="IIdempotencyGrain"/>.</summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, IGrainFactory grains, MeshApiOptions options, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyMetadata>() is null)
        {
            await next(context);
            return;
        }

        var key = ReadKey(context.Request);
        var scope = ApiCaller.From(context.User)?.Scope ?? "anonymous";
        var grain = grains.GetGrain<IIdempotencyGrain>(IdempotencyScope.GrainKey(scope, key));
        var begin = await grain.Begin(Fingerprint(context), options.IdempotencyLease, context.RequestAborted);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Completed:
                await ReplayAsync(context, begin.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.KeyReused,
                    "Idempotency-Key: was first used for a different request (method, path or body).", IdempotencyMetadata.HeaderName);
            case IdempotencyOutcome.InProgress:
                var wait = (int)Math.Ceiling(((begin.LeaseExpiresAt ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds);
                throw new ApiException(StatusCodes.Status409Conflict, ApiErrorCodes.InProgress,
                    "Idempotency-Key: a request with this key is still running; retry after Retry-After seconds.", IdempotencyMetadata.HeaderName)
                {
                    RetryAfterSeconds = Math.Max(1, wait),
                };
            default:
                break;
        }

        var attempt = new IdempotencyContext(scope, key, IdempotencyScope.OperationId(scope, key), begin.Attempt);
        context.Features.Set(attempt);
        await RunAsync(context, grain, begin.LeaseToken);
    }

    private async Task RunAsync(HttpContext context, IIdempotencyGrain grain, Guid leaseToken)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            var record = true;
            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested && ExceptionProblems.TryMap(context, exception, out var problem, out var retryAfter))
            {
                record = !ExceptionProblems.IsRequestShape(exception) && !ExceptionProblems.IsRetryable(exception);
                context.Response.Clear();
                await ApiProblems.WriteAsync(context, problem, retryAfter);
            }
            catch
            {
                await grain.Release(leaseToken, forgetRequest: false, CancellationToken.None);
                throw;
            }

            var status = context.Response.StatusCode;
            if (record && status < 500)
            {
                var response = new IdempotentResponse(status, context.Response.ContentType, context.Response.Headers.Location, buffer.ToArray());
                await RecordAsync(grain, leaseToken, response);
            }
            else
            {
                // A request-shape failure forgets the request (a corrected body may reuse the key); a retryable one
                // keeps it, so the same key with another body is still refused.
                await grain.Release(leaseToken, forgetRequest: status < 500 && status != StatusCodes.Status409Conflict, CancellationToken.None);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task RecordAsync(IIdempotencyGrain grain, Guid leaseToken, IdempotentResponse response)
    {
        try
        {
            // Not the request's token: a client that hung up still gets its response recorded for its retry.
            await grain.Complete(leaseToken, response, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The effect happened; a retry after the lease runs again with the same operation id, which the domain dedupes.
            LogNotRecorded(logger, exception);
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.Location is { Length: > 0 } location)
        {
            context.Response.Headers.Location = location;
        }

        context.Response.Headers[IdempotencyMetadata.ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static string ReadKey(HttpRequest request)
    {
        var values = request.Headers[IdempotencyMetadata.HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, ApiErrorCodes.KeyRequired,
                "Idempotency-Key: this request moves value and needs an Idempotency-Key header (a unique string per operation, reused on retries).",
                IdempotencyMetadata.HeaderName);
        }

        var key = values[0]!;
        if (values.Count > 1 || key.Length > 255 || key.Any(c => c is < '!' or > '~'))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, ApiErrorCodes.KeyInvalid,
                "Idempotency-Key: must be one value of 1 to 255 visible ASCII characters.", IdempotencyMetadata.HeaderName);
        }

        return key;
    }

    private static string Fingerprint(HttpContext context)
    {
        var body = context.Features.Get<BufferedBody>()?.Bytes ?? [];
        var request = context.Request;
        var text = string.Create(CultureInfo.InvariantCulture, $"{request.Method}\n{request.Path}{request.QueryString}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "The response of an idempotent request could not be recorded; a retry after the lease runs it again under the same operation id")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception);
}
