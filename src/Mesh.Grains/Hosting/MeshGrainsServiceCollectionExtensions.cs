using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Grains.Oracles;
using Mesh.Grains.Pools;
using Mesh.Grains.Protocols;
using Mesh.Grains.Rebalancing;
using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Grains.Rebalancing.Hedging;
using Mesh.Grains.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Grains.Hosting;

/// <summary>Registers what the mesh's grains need: the chains, the clock and the domain options.</summary>
public static class MeshGrainsServiceCollectionExtensions
{
    /// <summary>Adds the mesh's grain services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="chains">The validated chains configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddMeshGrains(this IServiceCollection services, ChainsConfiguration chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        services.TryAddSingleton(chains);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISagaCheckpoint, NoSagaCheckpoint>();
        services.AddSimulatedChains(chains);
        services.AddOptions<ProtocolAdmissionOptions>();
        services.AddOptions<MeshOracleOptions>();
        services.AddOptions<InterestRateCurveOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.AddOptions<PoolOptions>().BindConfiguration(PoolOptions.Section).Validate(o =>
        {
            o.Validate();
            return true;
        });
        foreach (var asset in chains.Assets)
        {
            // An asset whose settings name no sources gets the shared defaults; configuration binding runs before this.
            services.AddOptions<OracleOptions>(asset).PostConfigure<Microsoft.Extensions.Options.IOptions<MeshOracleOptions>>((o, mesh) =>
            {
                if (o.Sources.Count == 0)
                {
                    foreach (var name in mesh.Value.DefaultSources)
                    {
                        o.Sources.Add(new OracleSourceOptions { Name = name });
                    }
                }

                if (mesh.Value.SimulatedFeed.Enabled)
                {
                    foreach (var name in mesh.Value.SimulatedFeed.Sources.Where(n => o.Sources.All(s => s.Name != n)))
                    {
                        o.Sources.Add(new OracleSourceOptions { Name = name });
                    }
                }

                if (mesh.Value.ChainFeeds.Enabled == true)
                {
                    foreach (var chain in chains.Chains.Where(c => c.PriceFeeds.Any(f => f.Asset == asset)))
                    {
                        var name = ChainFeedOptions.SourceName(chain.Name);
                        if (o.Sources.All(s => s.Name != name))
                        {
                            o.Sources.Add(new OracleSourceOptions { Name = name, Heartbeat = chain.PriceFeeds.First(f => f.Asset == asset).Heartbeat });
                        }
                    }
                }
            });
        }

        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SimulatedFeedStarter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ChainFeedStarter>();
        services.AddOptions<Chains.ChainMonitorOptions>().BindConfiguration(Chains.ChainMonitorOptions.Section).Validate(o => { o.Validate(); return true; });
        services.AddOptions<VaultRiskOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        // Rebalancing: the coordinators' clock is the registered one unless a test keys its own; IMarketVenue is optional (resolved with GetService).
        services.TryAddKeyedSingleton<TimeProvider>(RebalancingServices.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddOptions<RebalancingOptions>().BindConfiguration(RebalancingOptions.Section).Validate(o =>
        {
            o.Validate(chains.Assets);
            return true;
        }).ValidateOnStart();
        services.AddOptions<AllocationOptions>().BindConfiguration(AllocationOptions.Section).Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.AddOptions<HedgeOptions>().BindConfiguration(HedgeOptions.Section).Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddKeyedSingleton<TimeProvider>(Transfers.TransferServices.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddOptions<Transfers.TransferOptions>().BindConfiguration(Transfers.TransferOptions.Section).Validate(o =>
        {
            o.Validate();
            return true;
        });
        return services;
    }
}
