using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Mesh.Testing;

/// <summary>
/// A throwaway PostgreSQL server for integration tests: initdb into a temporary folder (as user <c>postgres</c> when
/// running as root), started on a free loopback port, removed when the test process exits. Set
/// <c>MESH_TEST_POSTGRES</c> to a connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);
    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly string? _adminConnectionString;
    private Process? _process;

    private PostgresServer(string connectionString, string? dataDirectory, string? binDirectory, int port)
    {
        _adminConnectionString = connectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Gets the server shared by every test of this process.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    /// <summary>Stops the shared server and deletes its data folder, if a test started it (see <see cref="MeshTestFramework"/>).</summary>
    public static async Task DisposeSharedAsync()
    {
        if (SharedServer.IsValueCreated)
        {
            await (await SharedServer.Value).DisposeAsync();
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "mesh"}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 40)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 50, Timeout = 5 }.ConnectionString;
    }

    /// <summary>Stops the server (fast shutdown: open connections are dropped), as in an outage.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            throw new InvalidOperationException("An external server (MESH_TEST_POSTGRES) cannot be stopped by tests.");
        }

        await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), $"stop -D {_dataDirectory} -m fast -w");
        await _process.WaitForExitAsync();
        _process = null;
    }

    /// <summary>Starts the server again on the same port and data folder.</summary>
    public async Task StartAsync()
    {
        _process = StartPostgres(_binDirectory!, _dataDirectory!, Port);
        await WaitUntilAcceptingAsync(_adminConnectionString!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                await StopAsync();
            }
            finally
            {
                Directory.Delete(_dataDirectory!, recursive: true);
            }
        }
        else if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable("MESH_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, null, null, new NpgsqlConnectionStringBuilder(external).Port);
        }

        var server = await StartNewAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>Starts a new private server (for tests that stop and restart it).</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run tests/run.sh, which installs it.");
        RemoveAbandonedDataFolders();
        var data = Path.Combine(Path.GetTempPath(), DataFolderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {data}");
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8");
        var port = TestPorts.Next();
        var process = StartPostgres(bin, data, port);
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5";
        await WaitUntilAcceptingAsync(connectionString);
        return new PostgresServer(connectionString, data, bin, port) { _process = process };
    }

    private const string DataFolderPrefix = "mesh-pg-";

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Deletes data folders that a crashed test run left behind: their postmaster is gone.</summary>
    private static void RemoveAbandonedDataFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), DataFolderPrefix + "*"))
        {
            var pidFile = Path.Combine(folder, "postmaster.pid");
            var running = File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && Directory.Exists($"/proc/{pid}");
            // Ten minutes old at least: a folder another test process is still initializing has no postmaster yet.
            if (!running && Directory.GetLastWriteTimeUtc(folder) < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Another run may be creating it right now; it is retried on the next start.
                }
            }
        }
    }

    private static Process StartPostgres(string bin, string data, int port)
    {
        var arguments = $"-D {data} -p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB";
        var info = IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {Path.Combine(bin, "postgres")} {arguments}")
            : new ProcessStartInfo(Path.Combine(bin, "postgres"), arguments);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start postgres.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitUntilAcceptingAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("PostgreSQL did not accept connections within 30 s.", exception);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var info = IsRoot && file != "chown"
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

}
