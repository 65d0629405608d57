namespace Mesh.Silo.Dashboard;

/// <summary>Adds the dashboards' services and their session middleware (the endpoints: <see cref="DashboardEndpoints"/>).</summary>
public static class MeshDashboardExtensions
{
    /// <summary>Adds the operator sessions and the shared snapshot of the Mesh dashboard.</summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMeshDashboards(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<DashboardSnapshots>();
        return services;
    }

    /// <summary>Turns an operator's session cookie into its key under <c>/ops</c>; call before the API's authentication.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseMeshDashboardSessions(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<DashboardSessionMiddleware>();
    }
}
