using Mesh.Api;
using Mesh.Silo.Api;
using Mesh.Silo.Dashboard;
using Mesh.Storage;

namespace Mesh.Silo.Hosting;

/// <summary>Runs a silo process: <c>--help</c>, <c>--migrate-only</c>, or the silo until SIGTERM; start-up failures exit with a code.</summary>
public static class MeshSiloHost
{
    /// <summary>Runs the process.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configureSilo">Extra silo configuration.</param>
    /// <param name="mapEndpoints">Extra endpoints (the test host maps its test endpoints here).</param>
    /// <returns>The exit code: 0, 2 for configuration, 3 for an unreachable dependency, 130 for a command (simulate, deploy) stopped by Ctrl+C or SIGTERM.</returns>
    public static async Task<int> RunAsync(string[] args, Action<ISiloBuilder>? configureSilo = null, Action<WebApplication>? mapEndpoints = null)
    {
        if (args.Length > 0 && args[0] is Simulation.SimulationCommand.Name or Chains.DeployCommand.Name)
        {
            // Ctrl+C and SIGTERM (what a container runtime or a job runner sends) stop the command; the simulation's
            // in-process silos would otherwise take SIGTERM for themselves and leave the command running. Whatever the
            // stop interrupts (a cancelled call, a silo shutting down under the run) ends the command with 130.
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            try
            {
                return args[0] == Chains.DeployCommand.Name
                    ? await Chains.DeployCommand.RunAsync(args[1..], Console.Out, Console.Error, stop.Token)
                    : await Simulation.SimulationCommand.RunAsync(args[1..], Console.Out, Console.Error, stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"{args[0]}: stopped before it finished; nothing more was written.");
                return 130;
            }
        }

        if (SiloHelp.IsRequested(args))
        {
            SiloHelp.Write(Console.Out);
            return 0;
        }

        var migrateOnly = args.Contains("--migrate-only", StringComparer.Ordinal);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = args.Where(a => a != "--migrate-only").ToArray(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            if (migrateOnly)
            {
                return await MigrateAsync(builder.Configuration);
            }

            // EVM chains are checked (and in dev mode started and deployed) first; nodes started here stop after the silo.
            await using var localChains = await Chains.EvmChainsStartup.PrepareAsync(builder, CancellationToken.None);
            builder.AddMeshSilo(configureSilo);
            var app = builder.Build();

            // The schema first, outside the host's start, so that an unreachable database is one clear line, not a logged start failure.
            await app.Services.GetRequiredService<SchemaMigration>().ApplyAsync(app.Lifetime.ApplicationStopping);
            app.UseMeshDashboardSessions();
            app.UseMeshApi();
            app.MapMeshHealth();
            app.MapMeshOperatorEndpoints();
            app.MapMeshApi();
            app.MapMeshDashboards();
            if (app.Services.GetRequiredService<MeshOptions>().Chains.Mode == Chains.ChainsMode.Simulated)
            {
                // The faucet mints on the simulated chains; on EVM chains tokens are minted on the chain itself.
                app.MapMeshDevEndpoints();
            }

            mapEndpoints?.Invoke(app);
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (SiloStartupError.TryDescribe(exception, out var message, out var exitCode))
        {
            await Console.Error.WriteLineAsync(message);
            return exitCode;
        }
    }

    private static async Task<int> MigrateAsync(IConfiguration configuration)
    {
        var options = SettingsReader.Read(configuration);
        using var folder = options.Storage.Provider == StorageProvider.Sqlite ? DataDirectoryLock.Acquire(options.DataDirectory) : null;
        var connectionString = StorageConnection.Resolve(options, folder);
        var applied = await SchemaMigrator.ApplyAsync(options.Storage.Provider, connectionString, CancellationToken.None);
        Console.WriteLine($"Schema up to date ({options.Storage.Provider}): {applied} script(s) applied.");
        return 0;
    }
}
