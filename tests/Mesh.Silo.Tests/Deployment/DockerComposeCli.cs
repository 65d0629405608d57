using System.ComponentModel;
using System.Diagnostics;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>Runs the docker-compose CLI (v1, Debian package <c>docker-compose</c>) and captures its output.</summary>
internal static class DockerComposeCli
{
    public const string Executable = "docker-compose";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>docker-compose -f file config</c>: resolves and validates the file without touching Docker.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> ConfigAsync(string composeFile)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(composeFile)!,
        };
        startInfo.ArgumentList.Add("-f");
        startInfo.ArgumentList.Add(composeFile);
        startInfo.ArgumentList.Add("config");

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
