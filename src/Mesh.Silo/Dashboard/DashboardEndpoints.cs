using Mesh.Api;
using Mesh.Api.Authentication;
using Orleans.Dashboard;

namespace Mesh.Silo.Dashboard;

/// <summary>
/// The operators' dashboards under <c>/ops</c>: the Mesh dashboard (<c>/ops/mesh</c>, its data at
/// <c>/ops/api/summary</c> and live at <c>/ops/api/events</c>, server-sent events) and the Orleans Dashboard
/// (<c>/ops/orleans</c>), both behind <see cref="ApiPolicies.Operator"/>. A browser logs in at <c>/ops/login</c>: the
/// page posts the key in an <c>Authorization</c> header to <c>/ops/session</c>, which answers with an HttpOnly,
/// SameSite=Strict session cookie scoped to <c>/ops</c> (<see cref="DashboardSessions"/>); the key is never in a URL.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The login page.</summary>
    public const string LoginPath = "/ops/login";

    /// <summary>The Mesh dashboard.</summary>
    public const string MeshPath = "/ops/mesh";

    /// <summary>The Orleans Dashboard.</summary>
    public const string OrleansPath = "/ops/orleans";

    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    // The files served from the assembly; nothing else is.
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["login.html"] = "text/html; charset=utf-8",
        ["mesh.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["login.js"] = "text/javascript; charset=utf-8",
        ["mesh.js"] = "text/javascript; charset=utf-8",
        ["chart.umd.min.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>Maps the dashboards, the login and logout, the Mesh dashboard's data, and <c>GET /api/operator/summary</c> (the same data for API clients).</summary>
    /// <param name="app">The application (after <see cref="MeshDashboardExtensions.UseMeshDashboardSessions"/> and the API's middleware).</param>
    /// <returns>The application.</returns>
    public static WebApplication MapMeshDashboards(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/ops", () => Results.Redirect(MeshPath)).ExcludeFromDescription();
        app.MapGet(LoginPath, (HttpContext context) => Asset(context, "login.html")).ExcludeFromDescription();
        app.MapGet("/ops/assets/{name}", (string name, HttpContext context) => Asset(context, name)).ExcludeFromDescription();
        app.MapPost("/ops/session", OpenSession).RequireAuthorization(ApiPolicies.Operator).ExcludeFromDescription();
        app.MapPost("/ops/logout", CloseSession).ExcludeFromDescription();

        var operators = app.MapGroup("/ops").RequireAuthorization(ApiPolicies.Operator).ExcludeFromDescription();
        operators.MapGet("/mesh", (HttpContext context) => Asset(context, "mesh.html"));
        operators.MapGet("/api/summary", async (DashboardSnapshots snapshots, CancellationToken cancellationToken) =>
            Results.Text(await snapshots.CurrentAsync(cancellationToken), "application/json"));
        operators.MapGet("/api/events", (DashboardSnapshots snapshots, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(snapshots.StreamAsync(cancellationToken), eventType: "summary"));

        app.MapMeshApiGroup("/api/operator").RequireAuthorization(ApiPolicies.Operator).WithTags("Operator")
            .MapGet("/summary", async (DashboardSnapshots snapshots, CancellationToken cancellationToken) =>
                Results.Text(await snapshots.CurrentAsync(cancellationToken), "application/json"))
            .WithName("ReadOperatorSummary")
            .WithSummary("The Mesh dashboard's data: cluster, pools, oracles, rebalancing, chains, transfers in flight, vault health distribution and the worst vaults.");

        // The Orleans Dashboard's own endpoints are its page's, not the mesh's API: kept out of the OpenAPI document.
        app.MapOrleansDashboard(routePrefix: OrleansPath).RequireAuthorization(ApiPolicies.Operator).ExcludeFromDescription();
        return app;
    }

    /// <summary>Whether a path is a dashboard page (sent to the login page without a session) rather than data.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>True for <c>/ops</c>, <c>/ops/mesh</c> and <c>/ops/orleans</c>.</returns>
    internal static bool IsPage(PathString path) =>
        path.Value is "/ops" or "/ops/" or MeshPath or OrleansPath or OrleansPath + "/" or OrleansPath + "/index.html";

    private static IResult OpenSession(HttpContext context, DashboardSessions sessions)
    {
        // The policy let the request in, so the header holds a valid operator key (or the key of the session in use).
        var key = Presented(context.Request) ?? throw new InvalidOperationException("An authorized request carries its key.");
        if (!sessions.TryOpen(key, out var token))
        {
            return Results.Problem(
                title: "Too many sessions",
                detail: $"This silo keeps at most {DashboardSessions.MaxSessions} dashboard sessions; log out of one or wait until one expires.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["code"] = "dashboard.too_many_sessions" });
        }

        context.Response.Cookies.Append(DashboardSessions.CookieName, token, Cookie(context, DashboardSessions.Lifetime));
        return Results.NoContent();
    }

    private static IResult CloseSession(HttpContext context, DashboardSessions sessions)
    {
        if (context.Request.Cookies.TryGetValue(DashboardSessions.CookieName, out var token))
        {
            sessions.Close(token);
        }

        context.Response.Cookies.Delete(DashboardSessions.CookieName, Cookie(context, TimeSpan.Zero));
        return Results.NoContent();
    }

    private static CookieOptions Cookie(HttpContext context, TimeSpan lifetime) => new()
    {
        Path = DashboardSessions.CookiePath,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        MaxAge = lifetime,
    };

    private static string? Presented(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(authorization))
        {
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization.Trim();
        }

        string? header = request.Headers["X-Api-Key"];
        return string.IsNullOrEmpty(header) ? null : header.Trim();
    }

    private static IResult Asset(HttpContext context, string name)
    {
        if (!Assets.TryGetValue(name, out var contentType))
        {
            return Results.NotFound();
        }

        var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("Mesh.Silo.Dashboard." + name);
        if (stream is null)
        {
            return Results.Problem(
                title: "Dashboard asset missing",
                detail: $"{name} was not built into the silo; build it with npm available (src/Mesh.Silo/Dashboard/setup-assets.sh).",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        if (contentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = Csp;
            headers.XFrameOptions = "DENY";
        }

        return Results.Stream(stream, contentType);
    }
}
