using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>The repository's docker-compose.yml as <c>docker-compose config</c> resolves it, read as JSON nodes.</summary>
internal sealed class ComposeConfig
{
    private static readonly Lazy<Task<ComposeConfig>> Defaults = new(() => ResolveAsync());

    private ComposeConfig(JsonObject root) => Root = root;

    public static string ComposeFile => Path.Combine(SiloProcess.RepositoryRoot(), "docker-compose.yml");

    public JsonObject Root { get; }

    public IEnumerable<string> ServiceNames => Root["services"]!.AsObject().Select(s => s.Key);

    /// <summary>The file resolved with the variables it interpolates unset (its documented defaults), once per test run.</summary>
    public static Task<ComposeConfig> DefaultAsync() => Defaults.Value;

    /// <summary>The file resolved with these variables set.</summary>
    public static async Task<ComposeConfig> ResolveAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, stdout, stderr) = await DockerComposeCli.ConfigAsync(ComposeFile, environment);
        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{stderr}");
        return new ComposeConfig(YamlJson.Document(stdout));
    }

    public JsonObject Service(string name) =>
        Root["services"]![name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml defines no service '{name}'.");

    /// <summary>A service's environment (docker-compose config writes it as a mapping).</summary>
    public Dictionary<string, string> Environment(string service) =>
        (Service(service)["environment"]?.AsObject() ?? []).ToDictionary(e => e.Key, e => e.Value?.ToString() ?? string.Empty);

    /// <summary>A service's dependencies and their conditions.</summary>
    public Dictionary<string, string> DependsOn(string service) =>
        (Service(service)["depends_on"]?.AsObject() ?? []).ToDictionary(d => d.Key, d => d.Value!["condition"]!.GetValue<string>());

    /// <summary>A service's mounts: source (a named volume or a host path), target and mode.</summary>
    public List<(string Source, string Target, string Mode)> Volumes(string service) =>
        [.. (Service(service)["volumes"]?.AsArray() ?? []).Select(v =>
        {
            var parts = v!.GetValue<string>().Split(':');
            return (parts[0], parts[1], parts.Length > 2 ? parts[2] : "rw");
        })];

    /// <summary>A service's published ports as docker-compose prints them (host_ip:published:target/protocol).</summary>
    public List<string> Ports(string service) => [.. (Service(service)["ports"]?.AsArray() ?? []).Select(p => p!.ToString())];

    public List<string> Expose(string service) => [.. (Service(service)["expose"]?.AsArray() ?? []).Select(p => p!.ToString())];

    public List<string> Command(string service) => [.. (Service(service)["command"]?.AsArray() ?? []).Select(p => p!.GetValue<string>())];

    /// <summary>The value after a flag in a service's command (<c>--port 8545</c>, or <c>--config=path</c>).</summary>
    public string Argument(string service, string flag)
    {
        var command = Command(service);
        var index = command.IndexOf(flag);
        if (index >= 0 && index + 1 < command.Count)
        {
            return command[index + 1];
        }

        return command.FirstOrDefault(a => a.StartsWith(flag + "=", StringComparison.Ordinal))?[(flag.Length + 1)..]
            ?? throw new Xunit.Sdk.XunitException($"service {service}'s command has no {flag}: {string.Join(' ', command)}");
    }
}
