using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mesh.Testing;

/// <summary>
/// Runs a real silo executable (<c>Mesh.Silo.dll</c>, or <c>Mesh.TestSilo.dll</c> with the test grains) as a child
/// process, as an operator would, on free loopback ports; can stop it (SIGTERM), kill it (SIGKILL) or freeze it (SIGSTOP).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const string SiloDll = "Mesh.Silo.dll";
    public const string TestSiloDll = "Mesh.TestSilo.dll";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort, int siloPort, int gatewayPort, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    public int HttpPort { get; }

    /// <summary>Gets the silo's working directory (its data folder is <c>data/</c> under it unless a test moves it).</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// Reads the operator key the silo (or the first silo of a cluster on this working directory) wrote at start-up to
    /// <c>data/operator.key</c>, waiting up to 30 s for it.
    /// </summary>
    /// <returns>The key.</returns>
    public async Task<string> OperatorKeyAsync()
    {
        var path = Path.Combine(WorkingDirectory, "data", "operator.key");
        var key = "";
        await Eventually.TrueAsync(async () => File.Exists(path) && (key = (await File.ReadAllTextAsync(path)).Trim()).Length > 0, $"an operator key at {path}", TimeSpan.FromSeconds(30));
        return key;
    }

    /// <summary>GETs an operator endpoint with the operator key and parses its JSON answer (throws on an error status).</summary>
    /// <param name="http">The client.</param>
    /// <param name="path">The path, relative to the silo's base address.</param>
    /// <returns>The answer's root element.</returns>
    public async Task<System.Text.Json.JsonElement> GetOperatorJsonAsync(HttpClient http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await OperatorKeyAsync());
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mesh.sln not found above the test binaries.");
    }

    public static SiloProcess Start(string workingDirectory, params string[] settings) =>
        Start(SiloDll, workingDirectory, new Dictionary<string, string>(), settings);

    /// <summary>Starts <paramref name="dll"/>; <c>--Urls</c>, <c>--Mesh:Orleans:SiloPort</c> and <c>GatewayPort</c> get free ports unless given.</summary>
    public static SiloProcess Start(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] settings)
    {
        var httpPort = PortOf(settings, "--Urls=http://127.0.0.1:") ?? TestPorts.Next();
        var siloPort = PortOf(settings, "--Mesh:Orleans:SiloPort=") ?? TestPorts.Next();
        var gatewayPort = PortOf(settings, "--Mesh:Orleans:GatewayPort=") ?? TestPorts.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        AddUnlessGiven(info, settings, "--Urls=", $"http://127.0.0.1:{httpPort}");
        AddUnlessGiven(info, settings, "--Mesh:Orleans:SiloPort=", siloPort.ToString(CultureInfo.InvariantCulture));
        AddUnlessGiven(info, settings, "--Mesh:Orleans:GatewayPort=", gatewayPort.ToString(CultureInfo.InvariantCulture));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the silo.");
        var silo = new SiloProcess(process, httpPort, siloPort, gatewayPort, workingDirectory);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Runs the silo to completion (start-up failures, --help, --migrate-only) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string workingDirectory, params string[] settings)
    {
        await using var silo = Start(workingDirectory, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await silo._process.WaitForExitAsync(timeout.Token);
        silo._process.WaitForExit();
        return (silo._process.ExitCode, silo.Output);
    }

    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(BaseAddress, "health/ready"));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            },
            "the silo reports ready",
            timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Sends SIGTERM (what a container runtime or systemd sends) and waits for a graceful exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            Signal("TERM");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process freezes (a long GC pause, a stalled VM) without closing a socket.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>SIGCONT: a frozen process runs again.</summary>
    public void Resume() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }


    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int? PortOf(string[] settings, string prefix)
    {
        var setting = settings.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal));
        return setting is not null && int.TryParse(setting[prefix.Length..].TrimEnd('/'), CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static void AddUnlessGiven(ProcessStartInfo info, string[] settings, string prefix, string value)
    {
        if (!settings.Any(s => s.StartsWith(prefix, StringComparison.Ordinal)))
        {
            info.ArgumentList.Add(prefix + value);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
