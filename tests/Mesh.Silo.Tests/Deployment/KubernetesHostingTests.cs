using System.Net;
using Mesh.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Mesh.Silo.Tests.Deployment;

/// <summary><c>Mesh:Orleans:Kubernetes=true</c>: Orleans' Kubernetes hosting takes the silo's identity from its pod.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class KubernetesHostingTests
{
    private const string ConnectionString = "Host=postgres.invalid;Database=mesh;Username=mesh;Password=unused";

    private static readonly Dictionary<string, string> Pod = new()
    {
        ["POD_NAME"] = "mesh-silo-1",
        ["POD_NAMESPACE"] = "mesh",
        ["POD_IP"] = "10.244.1.17",
        ["ORLEANS_SERVICE_ID"] = "service-from-pod",
        ["ORLEANS_CLUSTER_ID"] = "cluster-from-pod",
    };

    [Fact]
    public void UseMeshSilo_Kubernetes_NamesTheSiloAfterThePodAdvertisesItsAddressAndListensEverywhere()
    {
        var options = Read(("Mesh:Orleans:Kubernetes", "true"), ("Mesh:Orleans:SiloPort", "12111"), ("Mesh:Orleans:GatewayPort", "31000"));

        var (silo, endpoints, cluster) = WithEnvironment(Pod, () => Resolve(options, siloName: "configured-name"));

        Assert.Equal("mesh-silo-1", silo.SiloName);
        Assert.Equal(IPAddress.Parse("10.244.1.17"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 12111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 31000), endpoints.GatewayListeningEndpoint);
        Assert.Equal(("service-from-pod", "cluster-from-pod"), (cluster.ServiceId, cluster.ClusterId));
    }

    [Fact]
    public void UseMeshSilo_WithoutKubernetes_KeepsTheConfiguredNameAndAddressesWhateverThePodSets()
    {
        var options = Read(("Mesh:Orleans:ListenAddress", "127.0.0.1"), ("Mesh:Orleans:AdvertisedHost", "127.0.0.1"));

        var (silo, endpoints, cluster) = WithEnvironment(Pod, () => Resolve(options, siloName: "configured-name"));

        Assert.Equal("configured-name", silo.SiloName);
        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(("mesh", "mesh"), (cluster.ServiceId, cluster.ClusterId));
    }

    [Fact]
    public void EnsureEnvironment_MissingPodVariables_NamesEachWithItsDownwardApiSource()
    {
        var environment = new Dictionary<string, string> { ["POD_NAME"] = "mesh-silo-0", ["POD_IP"] = " " };

        var error = Assert.Throws<SiloConfigurationException>(() => KubernetesHosting.EnsureEnvironment(environment.GetValueOrDefault));

        Assert.StartsWith("Mesh:Orleans:Kubernetes: the pod does not set ", error.Message, StringComparison.Ordinal);
        Assert.Contains("POD_NAMESPACE (fieldRef metadata.namespace)", error.Message, StringComparison.Ordinal);
        Assert.Contains("POD_IP (fieldRef status.podIP)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ORLEANS_SERVICE_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("ORLEANS_CLUSTER_ID", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("POD_NAME (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureEnvironment_PodIpNotAnAddress_IsRefused()
    {
        var environment = new Dictionary<string, string>(Pod) { ["POD_IP"] = "mesh-silo-1.mesh" };

        var error = Assert.Throws<SiloConfigurationException>(() => KubernetesHosting.EnsureEnvironment(environment.GetValueOrDefault));

        Assert.Equal("Mesh:Orleans:Kubernetes: POD_IP must be the pod's IP address (fieldRef status.podIP), got 'mesh-silo-1.mesh'.", error.Message);
    }

    [Fact]
    public void EnsureEnvironment_EveryPodVariableSet_Passes()
    {
        KubernetesHosting.EnsureEnvironment(Pod.GetValueOrDefault);
    }

    [Fact]
    public void Settings_KubernetesOnSqlite_IsRefusedNamingTheSettings()
    {
        var error = Assert.Throws<SiloConfigurationException>(() => SettingsReader.Read(Configuration(("Mesh:Orleans:Kubernetes", "true"))));

        Assert.Equal("Mesh:Orleans:Kubernetes: needs Mesh:Storage:Provider PostgreSql (membership of the pods' cluster), got Sqlite.", error.Message);
    }

    [Fact]
    public void Settings_KubernetesValue_MustBeABoolean()
    {
        var error = Assert.Throws<SiloConfigurationException>(() => SettingsReader.Read(Configuration(("Mesh:Orleans:Kubernetes", "yes"))));

        Assert.Equal("Mesh:Orleans:Kubernetes: the value 'yes' cannot be read (expected true or false).", error.Message);
    }

    private static MeshOptions Read(params (string Key, string Value)[] settings) =>
        SettingsReader.Read(Configuration([("Mesh:Storage:Provider", "PostgreSql"), ("Mesh:Storage:ConnectionString", ConnectionString), .. settings]));

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    /// <summary>The options Orleans resolves for a silo configured by <see cref="MeshSiloBuilderExtensions.UseMeshSilo"/> (nothing is started).</summary>
    private static (SiloOptions Silo, EndpointOptions Endpoints, ClusterOptions Cluster) Resolve(MeshOptions options, string siloName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseMeshSilo(options, ConnectionString, siloName));
        using var services = builder.Services.BuildServiceProvider();
        return (
            services.GetRequiredService<IOptions<SiloOptions>>().Value,
            services.GetRequiredService<IOptions<EndpointOptions>>().Value,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value);
    }

    private static T WithEnvironment<T>(Dictionary<string, string> variables, Func<T> action)
    {
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            return action();
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
