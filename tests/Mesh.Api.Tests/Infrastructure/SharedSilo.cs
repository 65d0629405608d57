namespace Mesh.Api.Tests.Infrastructure;

/// <summary>One silo for the tests that do not restart or throttle it; debug logging on, so that the secret-in-log check sees the most.</summary>
public sealed class SharedSilo : IAsyncLifetime
{
    public ApiSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await ApiSilo.StartAsync(
        null,
        "--Logging:LogLevel:Mesh=Debug",
        "--Logging:LogLevel:Microsoft.AspNetCore=Debug",
        "--Mesh:Api:MaxRequestBodyBytes=4096");

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
