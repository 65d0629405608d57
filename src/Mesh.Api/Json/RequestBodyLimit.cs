using System.Globalization;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mesh.Api.Json;

/// <summary>
/// Reads every request body into memory up to <see cref="MeshApiOptions.MaxRequestBodyBytes"/> before routing (a
/// larger one, by Content-Length or as it streams, gets 413 <c>request.body_too_large</c>), and keeps the bytes for
/// the idempotency fingerprint.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, MeshApiOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (request.ContentLength is null or > 0 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false })
            {
                sizeFeature.MaxRequestBodySize = limit + 1;
            }

            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            context.Features.Set(new BufferedBody(buffer.ToArray()));
            request.Body = buffer;
        }

        await next(context);
    }

    private static ApiException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.BodyTooLarge, string.Create(CultureInfo.InvariantCulture, $"body: larger than the limit of {limit} bytes."));
}
