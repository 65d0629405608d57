using Microsoft.Net.Http.Headers;

namespace Mesh.Silo.Dashboard;

/// <summary>
/// Runs before authentication. Under <c>/ops</c>, a request that carries no key of its own but a live session cookie
/// presents the session's operator key to the API key scheme, so that the same store and the same
/// <c>ApiPolicies.Operator</c> decide; the key is never sent to the browser. A page opened without a session is sent
/// to the login page; anything else without one gets the scheme's 401.
/// </summary>
internal sealed class DashboardSessionMiddleware(RequestDelegate next, DashboardSessions sessions)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(DashboardSessions.CookiePath, StringComparison.Ordinal))
        {
            return next(context);
        }

        var presented = request.Headers.ContainsKey(HeaderNames.Authorization) || request.Headers.ContainsKey("X-Api-Key");
        if (!presented && request.Cookies.TryGetValue(DashboardSessions.CookieName, out var token) && sessions.TryFind(token, out var key))
        {
            request.Headers.Authorization = "Bearer " + key;
            presented = true;
        }

        if (!presented && HttpMethods.IsGet(request.Method) && DashboardEndpoints.IsPage(request.Path))
        {
            context.Response.Redirect(DashboardEndpoints.LoginPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
