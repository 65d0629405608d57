using Mesh.Chains.Configuration;
using Mesh.Silo.Chains;
using Mesh.Silo.Hosting;
using Mesh.Testing;
using Microsoft.Extensions.Configuration;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>
/// docker-compose.yml, resolved by <c>docker-compose config</c> (no engine runs here): the services deploy/README.md
/// describes, their start-up order, and that what one service reads is what another writes or serves.
/// </summary>
public class DockerComposeTests
{
    private static readonly string[] Silos = ["silo1", "silo2", "silo3"];
    private static readonly string[] EvmNodes = ["evm-a", "evm-b", "evm-c"];

    [Fact]
    public async Task Config_RepositoryComposeFile_DefinesTheDocumentedServices()
    {
        var compose = await ComposeConfig.DefaultAsync();

        Assert.Equal(
            ["deploy", "evm-a", "evm-b", "evm-c", "jaeger", "otel-collector", "postgres", "prometheus", "silo1", "silo2", "silo3"],
            compose.ServiceNames.Order(StringComparer.Ordinal));
        Assert.Equal(["mesh-chains", "mesh-pgdata", "silo1-data", "silo2-data", "silo3-data"], compose.Root["volumes"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal));
        // The project's own images are built, never pulled (a service that starts before the one that builds its image would pull).
        foreach (var service in compose.ServiceNames.Where(s => compose.Service(s)["image"]!.GetValue<string>().EndsWith(":local", StringComparison.Ordinal)))
        {
            Assert.Equal("deploy/Dockerfile", compose.Service(service)["build"]?["dockerfile"]?.GetValue<string>());
        }

        Assert.Equal("evm-node", compose.Service("evm-a")["build"]!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_StartupOrder_SilosWaitForPostgresAndTheDeployment_TheDeploymentForHealthyNodes()
    {
        var compose = await ComposeConfig.DefaultAsync();

        foreach (var silo in Silos)
        {
            Assert.Equal(
                new Dictionary<string, string> { ["postgres"] = "service_healthy", ["deploy"] = "service_completed_successfully", ["otel-collector"] = "service_started" },
                compose.DependsOn(silo));
        }

        Assert.Equal(EvmNodes.ToDictionary(n => n, _ => "service_healthy"), compose.DependsOn("deploy"));
        Assert.Equal("no", compose.Service("deploy")["restart"]!.GetValue<string>());
        foreach (var dependency in EvmNodes.Prepend("postgres"))
        {
            Assert.NotNull(compose.Service(dependency)["healthcheck"]?["test"]);
        }
    }

    [Fact]
    public async Task Config_EvmNodes_ServeTheChainsOfTheFileTheDeployServiceDeploysTo()
    {
        var compose = await ComposeConfig.DefaultAsync();
        var chainsMount = MountOf(compose, "deploy", compose.Argument("deploy", "--chains"));
        Assert.Equal("ro", chainsMount.Mode);
        // The silo's own loader: the schema and every cross-check of chains.json.
        var chains = ChainsConfigurationLoader.Load(chainsMount.Source);

        Assert.Equal(EvmNodes.Length, chains.Chains.Count);
        RepositoryChains.AssertSameApartFromEndpoints(await File.ReadAllTextAsync(chainsMount.Source), "deploy/compose/chains.json");
        foreach (var chain in chains.Chains)
        {
            var url = chain.RpcUrls[0];
            Assert.Contains(url.Host, EvmNodes);
            Assert.Equal(url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), compose.Argument(url.Host, "--port"));
            Assert.Equal(chain.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), compose.Argument(url.Host, "--chain-id"));
            // The health check asks the port the node listens on.
            Assert.Equal(compose.Argument(url.Host, "--port"), compose.Environment(url.Host)["RPC_PORT"]);
        }
    }

    [Fact]
    public async Task Config_DeployedChainsFile_IsWrittenToAVolumeEverySiloReadsItFrom()
    {
        var compose = await ComposeConfig.DefaultAsync();
        var output = compose.Argument("deploy", "--out");
        var written = MountOf(compose, "deploy", output);
        Assert.Equal("rw", written.Mode);
        Assert.Contains(written.Source, compose.Root["volumes"]!.AsObject().Select(v => v.Key));
        var deploy = compose.Environment("deploy");

        foreach (var silo in Silos)
        {
            var environment = compose.Environment(silo);
            Assert.Equal(output, environment["Mesh__ChainsFile"]);
            var read = MountOf(compose, silo, environment["Mesh__ChainsFile"]);
            Assert.Equal((written.Source, written.Target, "ro"), read);
            Assert.Equal("Evm", environment["Mesh__Chains__Mode"]);
            // The same signer deploys and operates the contracts.
            Assert.Equal(deploy["Mesh__Chains__Dev"], environment["Mesh__Chains__Dev"]);
            Assert.Equal(deploy["MESH_EVM_SIGNING_KEY"], environment["MESH_EVM_SIGNING_KEY"]);
            // Each silo keeps its own data folder (operator key, EVM transaction store).
            Assert.Equal(($"{silo}-data", environment["Mesh__DataDirectory"], "rw"), MountOf(compose, silo, environment["Mesh__DataDirectory"]));
        }
    }

    [Fact]
    public async Task Config_SiloEnvironment_IsAcceptedByTheSilosOwnSettingsReaderAndKeyLoader()
    {
        var compose = await ComposeConfig.DefaultAsync();

        foreach (var silo in Silos.Append("deploy"))
        {
            var environment = compose.Environment(silo);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(environment.Where(e => e.Key.StartsWith("Mesh__", StringComparison.Ordinal))
                    .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
                .Build();

            // Unknown keys (a typo in the compose file) and bad values stop a silo; here they fail the test.
            var options = SettingsReader.Read(configuration);
            var signer = SigningKeyLoader.Load(options.Evm, options.Chains.Dev, name => environment.GetValueOrDefault(name));

            Assert.Equal(ChainsMode.Evm, options.Chains.Mode);
            Assert.True(options.Chains.Dev);
            Assert.True(signer.Key.IsDevelopmentKey);
            if (silo != "deploy")
            {
                Assert.Equal(Mesh.Storage.StorageProvider.PostgreSql, options.Storage.Provider);
                Assert.Equal(silo, options.SiloName);
            }
        }
    }

    [Fact]
    public async Task Config_Telemetry_SilosExportToTheCollector_TracesReachJaeger_MetricsReachPrometheus()
    {
        var compose = await ComposeConfig.DefaultAsync();
        var collectorMount = MountOf(compose, "otel-collector", compose.Argument("otel-collector", "--config"));
        var collector = YamlJson.Document(await File.ReadAllTextAsync(collectorMount.Source));
        var prometheusMount = MountOf(compose, "prometheus", compose.Argument("prometheus", "--config.file"));
        var prometheus = YamlJson.Document(await File.ReadAllTextAsync(prometheusMount.Source));

        // OTLP in: the silos' endpoint is the collector's gRPC receiver, open on the compose network.
        var grpcPort = Port(collector["receivers"]!["otlp"]!["protocols"]!["grpc"]!["endpoint"]!.GetValue<string>());
        Assert.Contains(grpcPort, compose.Expose("otel-collector"));
        foreach (var silo in Silos)
        {
            var environment = compose.Environment(silo);
            Assert.Equal($"http://otel-collector:{grpcPort}", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        }

        // Every pipeline names only components the file defines (the collector refuses to start otherwise), and
        // each signal the silos send has one: traces, metrics and logs.
        var pipelines = collector["service"]!["pipelines"]!.AsObject();
        Assert.Equal(["logs", "metrics", "traces"], pipelines.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (signal, pipeline) in pipelines)
        {
            foreach (var section in new[] { "receivers", "processors", "exporters" })
            {
                foreach (var component in pipeline![section]!.AsArray().Select(c => c!.GetValue<string>()))
                {
                    Assert.True(collector[section]?[component] is not null, $"the {signal} pipeline names {section[..^1]} '{component}', which collector.yaml does not define");
                }
            }
        }

        // Traces out: OTLP to Jaeger's collector port.
        var traceExporters = pipelines["traces"]!["exporters"]!.AsArray().Select(e => collector["exporters"]![e!.GetValue<string>()]!).ToList();
        var jaegerEndpoint = Assert.Single(traceExporters)["endpoint"]!.GetValue<string>();
        Assert.Equal("jaeger", jaegerEndpoint.Split(':')[0]);
        Assert.Contains(Port(jaegerEndpoint), compose.Expose("jaeger"));
        Assert.Equal("true", compose.Environment("jaeger")["COLLECTOR_OTLP_ENABLED"]);

        // Metrics out: the collector's Prometheus endpoint, which Prometheus scrapes.
        Assert.Equal(["prometheus"], pipelines["metrics"]!["exporters"]!.AsArray().Select(e => e!.GetValue<string>()));
        var metricsPort = Port(collector["exporters"]!["prometheus"]!["endpoint"]!.GetValue<string>());
        Assert.Contains(metricsPort, compose.Expose("otel-collector"));
        var targets = prometheus["scrape_configs"]!.AsArray().SelectMany(c => c!["static_configs"]!.AsArray()).SelectMany(s => s!["targets"]!.AsArray()).Select(t => t!.GetValue<string>());
        Assert.Contains($"otel-collector:{metricsPort}", targets);
    }

    [Fact]
    public async Task Config_PublishedPorts_AreOnLoopbackOnly()
    {
        var compose = await ComposeConfig.DefaultAsync();
        var published = compose.ServiceNames.SelectMany(s => compose.Ports(s).Select(p => (Service: s, Port: p))).ToList();

        Assert.All(published, p => Assert.True(p.Port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{p.Service} publishes {p.Port} beyond loopback"));
        Assert.Equal(["127.0.0.1:8081:8080/tcp"], compose.Ports("silo1"));
        Assert.Equal(["127.0.0.1:8083:8080/tcp"], compose.Ports("silo3"));
        Assert.Equal(["127.0.0.1:16686:16686/tcp"], compose.Ports("jaeger"));
        Assert.Equal(["127.0.0.1:9090:9090/tcp"], compose.Ports("prometheus"));
        Assert.Empty(compose.Ports("postgres"));
        Assert.Empty(compose.Ports("otel-collector"));
    }

    [Fact]
    public async Task Config_Secrets_ComeFromTheEnvironmentAndReachEveryServiceThatNeedsThem()
    {
        const string password = "pg-secret-from-env";
        const string pepper = "pepper-from-env";
        var key = "0x" + new string('4', 64);
        var compose = await ComposeConfig.ResolveAsync(new Dictionary<string, string>
        {
            ["MESH_PG_PASSWORD"] = password,
            ["MESH_API_KEY_PEPPER"] = pepper,
            ["MESH_CHAINS_DEV"] = "false",
            ["MESH_EVM_SIGNING_KEY"] = key,
        });

        Assert.Equal(password, compose.Environment("postgres")["POSTGRES_PASSWORD"]);
        foreach (var silo in Silos)
        {
            var environment = compose.Environment(silo);
            Assert.Equal(password, new Npgsql.NpgsqlConnectionStringBuilder(environment["Mesh__Storage__ConnectionString"]).Password);
            Assert.Equal(pepper, environment["Mesh__Api__KeyPepper"]);
            Assert.Equal(key, environment["MESH_EVM_SIGNING_KEY"]);
            Assert.Equal("false", environment["Mesh__Chains__Dev"]);
        }

        Assert.Equal(key, compose.Environment("deploy")["MESH_EVM_SIGNING_KEY"]);
        // The committed file holds no secret of its own: each is a variable with at most the documented demo default.
        var text = await File.ReadAllTextAsync(ComposeConfig.ComposeFile);
        Assert.Contains("${MESH_PG_PASSWORD:-change-me}", text, StringComparison.Ordinal);
        Assert.Contains("${MESH_EVM_SIGNING_KEY:-}", text, StringComparison.Ordinal);
        var example = await File.ReadAllTextAsync(Path.Combine(SiloProcess.RepositoryRoot(), "deploy", "compose.env.example"));
        Assert.All(DockerComposeCli.InterpolatedVariables, v => Assert.Contains(v + "=", example, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    [InlineData("silo3")]
    public async Task Config_EachSilo_AdvertisesItsOwnHostNameAndListensWhereOthersCallIt(string service)
    {
        var compose = await ComposeConfig.DefaultAsync();
        var settings = compose.Environment(service);
        var exposed = compose.Expose(service);

        // Other silos reach this one at <AdvertisedHost>:<SiloPort>: the name must be this container's host name,
        // the silo must listen on every interface (not loopback) and both Orleans ports must be open on the network.
        Assert.Equal(service, compose.Service(service)["hostname"]!.GetValue<string>());
        Assert.Equal(service, settings["Mesh__Orleans__AdvertisedHost"]);
        Assert.Equal("0.0.0.0", settings["Mesh__Orleans__ListenAddress"]);
        Assert.Contains(settings["Mesh__Orleans__SiloPort"], exposed);
        Assert.Contains(settings["Mesh__Orleans__GatewayPort"], exposed);
        Assert.NotEqual(settings["Mesh__Orleans__SiloPort"], settings["Mesh__Orleans__GatewayPort"]);
        Assert.StartsWith("http://0.0.0.0:", settings["ASPNETCORE_URLS"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_BrokenComposeFile_ExitsWithError()
    {
        var original = await File.ReadAllTextAsync(ComposeConfig.ComposeFile);
        var broken = original.Replace("<<: *silo\n", "<<: *no-such-anchor\n", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        var directory = Directory.CreateTempSubdirectory("mesh-compose-");
        try
        {
            var composeFile = Path.Combine(directory.FullName, "docker-compose.yml");
            await File.WriteAllTextAsync(composeFile, broken);

            var (exitCode, _, stderr) = await DockerComposeCli.ConfigAsync(composeFile);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("no-such-anchor", stderr, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The mount of a service that holds a path (the longest matching target).</summary>
    private static (string Source, string Target, string Mode) MountOf(ComposeConfig compose, string service, string path)
    {
        var mount = compose.Volumes(service)
            .Where(v => path == v.Target || path.StartsWith(v.Target.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(v => v.Target.Length)
            .FirstOrDefault();
        Assert.True(mount != default, $"{service} mounts nothing at {path}");
        return mount;
    }

    private static string Port(string endpoint) => endpoint[(endpoint.LastIndexOf(':') + 1)..];
}
