using System.ComponentModel;
using System.Diagnostics;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>Runs the docker-compose CLI (v1, Debian package <c>docker-compose</c>) and captures its output.</summary>
internal static class DockerComposeCli
{
    public const string Executable = "docker-compose";

    /// <summary>The variables docker-compose.yml interpolates (deploy/compose.env.example documents them).</summary>
    public static readonly string[] InterpolatedVariables = ["MESH_PG_PASSWORD", "MESH_API_KEY_PEPPER", "MESH_CHAINS_DEV", "MESH_EVM_SIGNING_KEY"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>docker-compose -f file config</c>: resolves and validates the file without touching Docker.</summary>
    /// <param name="composeFile">The compose file.</param>
    /// <param name="environment">Variables set for docker-compose (the file interpolates them); the others it interpolates are removed and the .env beside the file is not read, so that the machine's own values do not leak in.</param>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> ConfigAsync(string composeFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(composeFile)!,
        };
        // An empty env file instead of the .env next to the compose file: a developer's own secrets stay out of the test.
        var emptyEnvFile = Path.GetTempFileName();
        startInfo.ArgumentList.Add("--env-file");
        startInfo.ArgumentList.Add(emptyEnvFile);
        startInfo.ArgumentList.Add("-f");
        startInfo.ArgumentList.Add(composeFile);
        startInfo.ArgumentList.Add("config");
        foreach (var name in InterpolatedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            return await RunAsync(startInfo, composeFile);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo startInfo, string composeFile)
    {
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            Assert.Fail(
                $"'{Executable}' could not be started ({ex.Message}). The deployment tests need docker-compose on PATH: "
                + "install it with 'apt-get install -y docker-compose' (Debian/Ubuntu).");
        }

        using var cancellation = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{Executable} -f {composeFile} config' did not finish within {Timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
