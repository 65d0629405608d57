using System.Net;
using System.Net.Sockets;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Grains.Hosting;
using Mesh.Grains.Oracles;
using Mesh.Grains.Protocols;
using Mesh.Grains.Vaults;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Protocols;
using Mesh.Revaluation;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Silo.Simulation;

/// <summary>
/// One policy's world: an in-process silo running the mesh's real grains (protocols, vaults, pool, oracles,
/// coordinators, revaluation partitions) on the simulation clock, against the simulated chains and market venue, with
/// in-process storage that keeps state objects by reference (a simulation keeps nothing; see <see cref="SimulationGrainStorage"/>).
/// </summary>
internal sealed partial class SimulationWorld : IAsyncDisposable
{
    public const string Asset = "WETH";
    public const string Quote = "USDC";
    public const string Source = "venue";
    public static readonly string[] Chains = ["local-a", "local-b", "local-c"];
    private const int Parallelism = 32;
    private readonly IHost _host;

    private SimulationWorld(IHost host, SimulationClock clock, SimulationPolicy policy)
    {
        _host = host;
        Clock = clock;
        Policy = policy;
    }

    public SimulationClock Clock { get; }

    public SimulationPolicy Policy { get; }

    /// <summary>Gets the WETH the vaults gave each other in top-ups, as the end of the run counted it.</summary>
    public decimal ToppedUpWeth { get; private set; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<SimulationWorld> StartAsync(SimulationPolicy policy, ChainsConfiguration chains, DateTimeOffset start, int vaults, double impactBound, bool spillover, bool perpSharesSpotRoom, Action<IServiceCollection> market, CancellationToken cancellationToken)
    {
        var clock = new SimulationClock(start);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Simulation" });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddMeshGrains(chains);
        builder.Services.Configure<ProtocolAdmissionOptions>(o => o.AutoApproveUpTo = RiskTier.Aggressive);
        builder.Services.Configure<VaultRiskOptions>(o =>
        {
            o.ExpectedShortfallPaths = 500;
            // Anti-procyclical haircuts (EMIR RTS 153/2013 Art. 28(1)(a) buffer of 25% on the through-the-cycle haircut,
            // and a speed limit of five haircut points an hour): the oracle's GARCH forecast on minute returns jumps with
            // the first large move of the crash, and haircuts that followed it at once would take most of the book below
            // a health factor of 1 at a 5% fall.
            o.AntiProcyclical.Buffer = 0.25;
            o.AntiProcyclical.MaxRisePerHour = 0.05;
        });
        foreach (var asset in chains.Assets)
        {
            // One source, the venue's traded price: the oracle follows the market the vaults sell into.
            builder.Services.Configure<OracleOptions>(asset, o =>
            {
                o.Sources.Add(new OracleSourceOptions { Name = Source, Heartbeat = TimeSpan.FromMinutes(5) });
                o.MinSources = 1;
            });
        }

        market(builder.Services);
        Configure(builder.Services, policy, vaults, impactBound, spillover, perpSharesSpotRoom);
        var (siloPort, gatewayPort) = FreePorts();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, serviceId: "mesh-simulation", clusterId: $"sim-{Guid.NewGuid():N}")
            .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3))
            .UseInMemoryReminderService());
        Orleans.Runtime.Hosting.StorageProviderExtensions.AddGrainStorage(builder.Services, Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, _) => new SimulationGrainStorage());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SimulationWorld(host, clock, policy);
    }

    /// <summary>The policy's coordinator settings.</summary>
    static partial void Configure(IServiceCollection services, SimulationPolicy policy, int vaults, double impactBound, bool spillover, bool perpSharesSpotRoom);

    public ISimulatedChain Chain(string name) => Services.GetRequiredService<ISimulatedChainProvider>().GetSimulated(name);

    /// <summary>Observes a price from the venue's source, then waits until every vault of the asset has revalued at it.</summary>
    public async Task<OracleSnapshot> ObserveAsync(string asset, decimal price, CancellationToken cancellationToken)
    {
        // The oracle takes at most 8 decimals (its feed's precision); the venue's price has more.
        var observed = decimal.Round(price, 8, MidpointRounding.ToZero);
        var snapshot = await Grains.GetGrain<IOracleGrain>(asset).Observe(new PriceObservation(Source, observed, Clock.GetUtcNow()), cancellationToken);
        // The oracle publishes to the asset's partitions without awaiting them; publishing the same round again waits
        // for the partitions to have called every member (a partition answers a round it already published at once).
        await Task.WhenAll(Enumerable.Range(0, RevaluationPartitions.Count).Select(p =>
            Grains.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(asset, p)).Publish(snapshot, cancellationToken)));
        return snapshot;
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> with the world's parallelism.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> work, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, work);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A world that does not stop in time is abandoned with its process-local state.
        }

        _host.Dispose();
    }

    public static PoolLimits OpenLimits { get; } = new(0.95m, null, new Dictionary<string, UInt128>(), new RiskFactorLimit(UInt128.MaxValue, 1m), new Dictionary<string, RiskFactorLimit>());

    /// <summary>Two distinct free ports: both listeners stay open until both ports are known.</summary>
    private static (int, int) FreePorts()
    {
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
    }
}
