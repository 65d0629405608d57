using Mesh.Api.Authentication;
using Mesh.Api.Keys;
using Mesh.Api.OpenApi;
using Mesh.Api.Problems;
using Mesh.Api.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Api;

/// <summary>Registers the Mesh API's services.</summary>
public static class MeshApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds API key authentication, the role policies, the per-key rate limiter, problem details, strict JSON input,
    /// OpenAPI and the operator key bootstrap (a hosted service: register this after the Orleans silo so that it runs
    /// once the silo is up). The host then calls <see cref="MeshApiApplicationBuilderExtensions.UseMeshApi"/> and
    /// <see cref="MeshApiEndpointRouteBuilderExtensions.MapMeshApi"/>.
    /// </summary>
    /// <param name="services">The host's services (needs Orleans' <see cref="IGrainFactory"/> and a <see cref="TimeProvider"/>).</param>
    /// <param name="options">Settings (<c>Mesh:Api</c>); <see cref="MeshApiOptions.OperatorKeyFile"/> must be resolved to a path.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static IServiceCollection AddMeshApi(this IServiceCollection services, MeshApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyHasher>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyService>();
        services.AddHostedService<OperatorKeyBootstrap>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiProblems.Complete);
        services.ConfigureHttpJsonOptions(o => Json.StrictJson.Apply(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthentication(ApiClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiClaims.Scheme, _ => { });
        services.AddAuthorization(ApiPolicies.Add);
        services.AddRateLimiter(o => ApiRateLimiting.Configure(o, options.RateLimit));
        services.AddOpenApi(MeshOpenApi.DocumentName, MeshOpenApi.Configure);
        return services;
    }
}
