using Mesh.Api.Idempotency;
using Mesh.Api.Json;
using Mesh.Api.Problems;
using Microsoft.AspNetCore.Builder;

namespace Mesh.Api;

/// <summary>The Mesh API's middleware.</summary>
public static class MeshApiApplicationBuilderExtensions
{
    /// <summary>
    /// Adds, in order: failures to problems, problems for bodiless error statuses (404, 405), the body size limit,
    /// routing, authentication, the rate limiter, authorization and idempotency. Call before mapping endpoints.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseMeshApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
