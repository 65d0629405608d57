using Mesh.Testing;
using Mesh.Testing.Scenarios;
using Microsoft.Playwright;

namespace Mesh.Dashboard.Tests;

/// <summary>
/// One real silo process (simulated chains, the simulated price feed every second, SQLite in a throwaway folder)
/// and one headless Debian Chromium driven by Playwright, shared by the dashboard tests.
/// </summary>
public sealed class DashboardSilo : IAsyncLifetime
{
    /// <summary>Debian's chromium; Playwright never downloads a browser for these tests.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string Folder { get; } = Directory.CreateTempSubdirectory("mesh-dashboard-").FullName;

    public SiloProcess Process { get; private set; } = null!;

    public string OperatorKey { get; private set; } = string.Empty;

    public MeshHttp Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output, and docs/ too when MESH_UPDATE_DOCS_SCREENSHOTS=1.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(SiloProcess.RepositoryRoot(), "chains.json"), Path.Combine(Folder, "chains.json"));
        Process = SiloProcess.Start(
            Folder,
            "--Mesh:Oracles:SimulatedFeed:Enabled=true",
            "--Mesh:Oracles:SimulatedFeed:Interval=00:00:01");
        var browser = LaunchAsync();
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            await Process.WaitUntilReadyAsync(probe, TimeSpan.FromSeconds(60));
        }

        var keyFile = Path.Combine(Folder, "data", "operator.key");
        await Eventually.TrueAsync(() => File.Exists(keyFile), "the silo wrote the operator key", TimeSpan.FromSeconds(30));
        OperatorKey = (await File.ReadAllTextAsync(keyFile)).Trim();
        Http = new MeshHttp([Process.BaseAddress]);
        Browser = await browser;
    }

    /// <summary>Saves a page's screenshot as a test artifact (and over the README's copy in docs/ when asked to).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("MESH_UPDATE_DOCS_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(SiloProcess.RepositoryRoot(), "docs", name), overwrite: true);
        }

        return path;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (tests/run.sh does).");
        }

        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: the CI runs the tests as root, where Chromium's sandbox refuses to start.
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }
}
