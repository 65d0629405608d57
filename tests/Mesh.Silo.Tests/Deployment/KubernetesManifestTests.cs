using System.Text.Json.Nodes;
using Mesh.Chains.Configuration;
using Mesh.Silo.Api;
using Mesh.Silo.Chains;
using Mesh.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>deploy/k8s: every object is valid for the Kubernetes API, and what the manifests set is what the silo reads and serves.</summary>
public class KubernetesManifestTests
{
    private const string Namespace = "mesh";
    private static readonly string[] PodVerbs = ["get", "list", "watch", "delete", "patch"];

    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    [Fact]
    public async Task Manifests_EveryObject_ValidatesAgainstTheKubernetesSchemas()
    {
        var results = await KubernetesSchemaValidator.ValidateAsync(_manifests.Objects);

        Assert.Equal(_manifests.Objects.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Valid, $"{r.Source} ({r.Kind}): {string.Join("; ", r.Errors)}"));
        Assert.Equal(
            ["apps/v1/StatefulSet", "policy/v1/PodDisruptionBudget", "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/RoleBinding", "v1/ConfigMap", "v1/Namespace", "v1/Secret", "v1/Service", "v1/ServiceAccount"],
            results.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SchemaValidation_BrokenObjects_AreRejectedNamingThePath()
    {
        var statefulSet = _manifests.Single("StatefulSet", "mesh-silo").DeepClone().AsObject();
        statefulSet["spec"]!["replicas"] = "three";
        statefulSet["spec"]!.AsObject().Remove("template");
        var service = _manifests.Single("Service", "mesh-silo").DeepClone().AsObject();
        service["spec"]!["ports"]![0]!["port"] = "eighty";
        var unknown = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deploymint", ["metadata"] = new JsonObject { ["name"] = "x" } };

        var results = await KubernetesSchemaValidator.ValidateAsync([("statefulset", statefulSet), ("service", service), ("unknown", unknown)]);

        Assert.All(results, r => Assert.False(r.Valid, r.Source));
        Assert.Contains(results[0].Errors, e => e.StartsWith("/spec/replicas ", StringComparison.Ordinal));
        Assert.Contains(results[0].Errors, e => e.Contains("template", StringComparison.Ordinal));
        Assert.Contains(results[1].Errors, e => e.StartsWith("/spec/ports/0/port ", StringComparison.Ordinal));
        Assert.Contains("no schema for apps/v1 Deploymint", Assert.Single(results[2].Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_NamespacedObjects_AreAllInTheNamespaceTheFolderCreates()
    {
        Assert.Equal(Namespace, KubernetesManifests.Name(Assert.Single(_manifests.OfKind("Namespace"))));
        Assert.All(
            _manifests.Objects.Where(o => KubernetesManifests.Kind(o.Object) != "Namespace"),
            o => Assert.True(o.Object["metadata"]!["namespace"]?.GetValue<string>() == Namespace, $"{o.Source} is not in namespace {Namespace}"));
    }

    [Fact]
    public void SiloEnvironment_IsAcceptedByTheSilosSettingsReader_InKubernetesModeOnPostgreSqlAndEvmChains()
    {
        var environment = ContainerEnvironment();

        var options = SettingsReader.Read(MeshConfiguration(environment));
        KubernetesHosting.EnsureEnvironment(environment.GetValueOrDefault);

        Assert.True(options.Orleans.Kubernetes);
        Assert.Equal(Mesh.Storage.StorageProvider.PostgreSql, options.Storage.Provider);
        Assert.Equal(ChainsMode.Evm, options.Chains.Mode);
        Assert.False(options.Chains.Dev);
        Assert.Equal("/etc/mesh/chains/chains.json", options.ChainsFile);
        Assert.Equal("Host=postgres.example.internal;Database=mesh;Username=mesh;Password=REPLACE-ME", options.Storage.ConnectionString);
    }

    [Fact]
    public void SiloEnvironment_SetsEveryVariableOrleansKubernetesHostingReads_FromTheDownwardApi()
    {
        var env = _manifests.SiloContainer()["env"]!.AsArray();
        var labels = KubernetesManifests.Labels(_manifests.PodTemplate()["metadata"]!["labels"]);

        foreach (var (name, source) in KubernetesHosting.Variables)
        {
            var variable = env.SingleOrDefault(e => e!["name"]!.GetValue<string>() == name);
            Assert.True(variable is not null, $"the silo container does not set {name}");
            var path = variable["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>();
            Assert.Equal(source, $"fieldRef {path}");
            if (path.StartsWith("metadata.labels['", StringComparison.Ordinal))
            {
                Assert.Contains(path["metadata.labels['".Length..^2], labels.Keys);
            }
        }

        // The service id keys grain state and reminders: the pod label must carry the silo's default, mesh.
        Assert.Equal(new MeshOrleansOptions().ServiceId, labels["orleans/serviceId"]);
        Assert.Equal(new MeshOrleansOptions().ClusterId, labels["orleans/clusterId"]);
    }

    [Fact]
    public void SiloEnvironment_PlaceholderSigningKeyOfTheTemplate_StopsTheSiloNamingTheVariable()
    {
        var environment = ContainerEnvironment();
        var options = SettingsReader.Read(MeshConfiguration(environment));

        var error = Assert.Throws<SiloConfigurationException>(() => SigningKeyLoader.Load(options.Evm, options.Chains.Dev, environment.GetValueOrDefault));

        Assert.Contains("MESH_EVM_SIGNING_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLACE-ME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probes_AskTheSilosHealthEndpointsOnItsHttpPort()
    {
        var container = _manifests.SiloContainer();
        var environment = ContainerEnvironment();
        var builder = WebApplication.CreateBuilder();
        // Only the routes are read: the handlers' services must be known, never created.
        builder.Services.AddSingleton<Orleans.Runtime.ISiloStatusOracle>(_ => throw new InvalidOperationException("not created to read routes"));
        await using var app = builder.Build();
        app.MapMeshHealth();
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();
        var httpPort = new Uri(environment["ASPNETCORE_URLS"]).Port;

        Assert.Equal("/health/ready", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Contains(get["path"]!.GetValue<string>(), routes);
            Assert.Equal(httpPort, ContainerPort(container, get["port"]!.GetValue<string>()));
        }

        Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public void Ports_ContainerServicesAndSiloSettingsAgree()
    {
        var container = _manifests.SiloContainer();
        var options = SettingsReader.Read(MeshConfiguration(ContainerEnvironment()));
        var podLabels = KubernetesManifests.Labels(_manifests.PodTemplate()["metadata"]!["labels"]);
        var statefulSet = _manifests.Single("StatefulSet", "mesh-silo");

        Assert.Equal(options.Orleans.SiloPort, ContainerPort(container, "silo"));
        Assert.Equal(options.Orleans.GatewayPort, ContainerPort(container, "gateway"));
        foreach (var service in _manifests.OfKind("Service"))
        {
            Assert.All(KubernetesManifests.Labels(service["spec"]!["selector"]), l => Assert.Equal(l.Value, podLabels.GetValueOrDefault(l.Key)));
            foreach (var port in service["spec"]!["ports"]!.AsArray())
            {
                ContainerPort(container, port!["targetPort"]!.GetValue<string>());
            }
        }

        Assert.All(KubernetesManifests.Labels(statefulSet["spec"]!["selector"]!["matchLabels"]), l => Assert.Equal(l.Value, podLabels.GetValueOrDefault(l.Key)));
        var headless = _manifests.Single("Service", statefulSet["spec"]!["serviceName"]!.GetValue<string>());
        Assert.Equal("None", headless["spec"]!["clusterIP"]!.GetValue<string>());
    }

    [Fact]
    public void Availability_ThreeReplicas_ADisruptionBudgetOfOne_ResourcesBounded()
    {
        var statefulSet = _manifests.Single("StatefulSet", "mesh-silo");
        var budget = Assert.Single(_manifests.OfKind("PodDisruptionBudget"));
        var podLabels = KubernetesManifests.Labels(_manifests.PodTemplate()["metadata"]!["labels"]);
        var resources = _manifests.SiloContainer()["resources"]!;

        Assert.Equal(3, statefulSet["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(2, budget["spec"]!["minAvailable"]!.GetValue<long>());
        Assert.All(KubernetesManifests.Labels(budget["spec"]!["selector"]!["matchLabels"]), l => Assert.Equal(l.Value, podLabels.GetValueOrDefault(l.Key)));
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(resources[kind]!["cpu"]);
            Assert.NotNull(resources[kind]!["memory"]);
        }
    }

    [Fact]
    public void Rbac_ThePodsServiceAccountMayWatchAndDeleteThePodsOfItsNamespace()
    {
        var account = _manifests.PodTemplate()["spec"]!["serviceAccountName"]!.GetValue<string>();
        _manifests.Single("ServiceAccount", account);
        var binding = Assert.Single(_manifests.OfKind("RoleBinding"));
        var subject = Assert.Single(binding["subjects"]!.AsArray())!;
        var role = _manifests.Single("Role", binding["roleRef"]!["name"]!.GetValue<string>());

        Assert.Equal(("ServiceAccount", account, Namespace), (subject["kind"]!.GetValue<string>(), subject["name"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>()));
        Assert.Equal("Role", binding["roleRef"]!["kind"]!.GetValue<string>());
        var rule = Assert.Single(role["rules"]!.AsArray(), r => r!["resources"]!.AsArray().Any(x => x!.GetValue<string>() == "pods"))!;
        Assert.Equal([string.Empty], rule["apiGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(PodVerbs.Order(StringComparer.Ordinal), rule["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ChainsConfigMap_IsMountedWhereTheSiloReadsIt_AndPassesTheSilosChainsValidation()
    {
        var environment = ContainerEnvironment();
        var pod = _manifests.PodTemplate()["spec"]!;
        var chainsFile = environment["Mesh__ChainsFile"];
        var mount = _manifests.SiloContainer()["volumeMounts"]!.AsArray().Single(m => chainsFile.StartsWith(m!["mountPath"]!.GetValue<string>() + "/", StringComparison.Ordinal))!;
        var volume = pod["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!;
        var configMap = _manifests.Single("ConfigMap", volume["configMap"]!["name"]!.GetValue<string>());
        var key = Path.GetFileName(chainsFile);

        var json = configMap["data"]![key]!.GetValue<string>();
        var chains = ChainsConfigurationLoader.Parse(json, $"ConfigMap {KubernetesManifests.Name(configMap)}");
        RepositoryChains.AssertSameApartFromEndpoints(json, $"ConfigMap {KubernetesManifests.Name(configMap)}");

        Assert.True(mount["readOnly"]!.GetValue<bool>());
        Assert.Equal(3, chains.Chains.Count);
        Assert.All(chains.Chains, c => Assert.Equal(Uri.UriSchemeHttps, c.RpcUrls[0].Scheme));
    }

    [Fact]
    public void SecretTemplate_HoldsOnlyPlaceholders_AndIsNotAppliedWithTheFolder()
    {
        var secret = _manifests.Objects.Single(o => KubernetesManifests.Kind(o.Object) == "Secret");

        Assert.StartsWith("templates" + Path.DirectorySeparatorChar, secret.Source, StringComparison.Ordinal);
        Assert.All(secret.Object["stringData"]!.AsObject(), e => Assert.Contains("REPLACE-ME", e.Value!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Null(secret.Object["data"]);
    }

    /// <summary>
    /// The silo container's environment as the pod would see it: literal values, Secret keys from the template (each
    /// reference must name the Secret and a key it holds) and Downward API fields with pod-like values.
    /// </summary>
    private Dictionary<string, string> ContainerEnvironment()
    {
        var result = new Dictionary<string, string>();
        foreach (var variable in _manifests.SiloContainer()["env"]!.AsArray())
        {
            var name = variable!["name"]!.GetValue<string>();
            if (variable["value"] is { } value)
            {
                result[name] = value.GetValue<string>();
            }
            else if (variable["valueFrom"]!["secretKeyRef"] is { } reference)
            {
                var secret = _manifests.Single("Secret", reference["name"]!.GetValue<string>());
                var key = reference["key"]!.GetValue<string>();
                result[name] = secret["stringData"]![key]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"{name}: Secret {KubernetesManifests.Name(secret)} holds no key {key}");
            }
            else
            {
                result[name] = variable["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>() switch
                {
                    "status.podIP" => "10.244.0.12",
                    "metadata.name" => "mesh-silo-0",
                    var other => other,
                };
            }
        }

        return result;
    }

    private static IConfiguration MeshConfiguration(Dictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Where(e => e.Key.StartsWith("Mesh__", StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();

    private static long ContainerPort(JsonNode container, string name)
    {
        var port = container["ports"]!.AsArray().SingleOrDefault(p => p!["name"]!.GetValue<string>() == name);
        Assert.True(port is not null, $"the silo container has no port named {name}");
        return port["containerPort"]!.GetValue<long>();
    }
}
