using System.Diagnostics;
using System.Globalization;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>
/// <c>mesh operator simulate [-- ARGS]</c>: runs the silo's <c>simulate</c> command as a child process (it starts
/// in-process silos of its own and needs no running mesh), copies its output and exits with its exit code (0 done,
/// 2 bad arguments, 130 stopped). Ctrl+C reaches the child through the terminal; SIGTERM to mesh is passed on.
/// </summary>
internal sealed class SimulateCommand(CliEnvironment environment) : AsyncCommand<SimulateSettings>
{
    private const string SiloDll = "Mesh.Silo.dll";

    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        var info = StartInfo(settings);
        info.ArgumentList.Add("simulate");
        foreach (var argument in context.Remaining.Raw)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, e) => Copy(environment.Out, e.Data);
        process.ErrorDataReceived += (_, e) => Copy(environment.Error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stop the simulation as a signal would (it exits 130 on SIGTERM), then report the interruption.
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    private ProcessStartInfo StartInfo(SimulateSettings settings)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var dll = settings.Silo ?? environment.Variable("MESH_SILO_DLL") ?? Beside();
        if (dll is not null)
        {
            if (!File.Exists(dll))
            {
                throw new UsageException($"MESH_SILO_DLL: '{dll}' does not exist.");
            }

            info.ArgumentList.Add(dll);
            return info;
        }

        var project = Repository() ?? throw new UsageException(
            $"No silo to run the simulation: give --silo PATH/{SiloDll} (or $MESH_SILO_DLL), or run mesh inside the Mesh repository.");
        foreach (var argument in new[] { "run", "--project", project, "--" })
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static string? Beside()
    {
        var path = Path.Combine(AppContext.BaseDirectory, SiloDll);
        return File.Exists(path) ? path : null;
    }

    private static string? Repository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "Mesh.Silo", "Mesh.Silo.csproj");
            if (File.Exists(project))
            {
                return project;
            }
        }

        return null;
    }

    private static void Copy(IAnsiConsole console, string? line)
    {
        if (line is not null)
        {
            console.Profile.Out.Writer.WriteLine(line);
        }
    }
}
