using Mesh.Grains.Vaults;
using Mesh.Silo.Hosting;
using Mesh.TestGrains;
using Mesh.TestSilo;
using Mesh.Testing.ChainNode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

// The production host with the test grains (Mesh.TestGrains) and test endpoints for graceful-stop and API tests.
// Reminders as short as 1 s, so that reminder tests take seconds (Orleans' floor is 1 minute). The vault saga's
// checkpoint can be armed to crash the process between two writes (SagaCrashCheckpoint). With --Test:ChainNode=<url>
// the silo's chains are those of a ChainNode in the test process (shared by every silo of a cluster, and the faucet
// funds them there) instead of in-memory chains of its own.
return await MeshSiloHost.RunAsync(args, silo =>
{
    silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    silo.Services.AddSingleton<SagaCrashCheckpoint>();
    silo.Services.Replace(ServiceDescriptor.Singleton<ISagaCheckpoint>(sp => sp.GetRequiredService<SagaCrashCheckpoint>()));
    if (silo.Configuration[SimulatedChainNode.SettingKey] is { Length: > 0 } node)
    {
        silo.Services.UseChainNode(new Uri(node));
    }
}, app =>
{
    app.MapGet("/test/shutdown/{key}/work", async (string key, int ms, IGrainFactory grains) =>
        Results.Ok(new { count = await grains.GetGrain<IShutdownGrain>(key).Work(ms) }));
    app.MapGet("/test/shutdown/{key}/stored", async (string key, IGrainFactory grains) =>
        Results.Ok(new { count = await grains.GetGrain<IShutdownGrain>(key).Stored() }));
    app.MapGet("/test/shutdown/in-flight", () => Results.Ok(new { count = ShutdownGrain.InFlight }));
    app.MapApiTestEndpoints();
    app.MapSagaTestEndpoints();
});
