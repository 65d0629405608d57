using System.Runtime.InteropServices;
using Mesh.Cli.Http;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Hosting;

/// <summary>
/// Builds mesh's Spectre command app from <see cref="MeshCommands.Tree"/> and runs it: Ctrl+C and SIGTERM cancel the
/// running command (exit 130), and every failure becomes one line on standard error and its exit code
/// (<see cref="ExitCodes"/>).
/// </summary>
internal static class MeshCli
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        using var interrupt = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        return await RunAsync(args, environment, interrupt.Token);
    }

    /// <summary>Runs one command line in <paramref name="environment"/> (tests call this with their own consoles).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var app = Create(environment, cancellationToken);
        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    public static CommandApp Create(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("mesh");
            config.ConfigureConsole(environment.Out);
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Interrupted);
            config.Settings.Registrar.RegisterInstance(environment);
            config.SetExceptionHandler((exception, _) => Fail(environment.Error, exception, cancellationToken));
            foreach (var node in MeshCommands.Tree)
            {
                Add(config, node);
            }
        });
        return app;
    }

    private static void Add(object configurator, CliNode node)
    {
        if (node.Register is { } register)
        {
            register(configurator).WithDescription(node.Description);
            return;
        }

        void Children(IConfigurator<CommandSettings> branch)
        {
            branch.SetDescription(node.Description);
            foreach (var child in node.Children)
            {
                Add(branch, child);
            }
        }

        switch (configurator)
        {
            case IConfigurator<CommandSettings> parent:
                parent.AddBranch(node.Name, Children);
                break;
            case IConfigurator root:
                root.AddBranch(node.Name, Children);
                break;
            default:
                throw new ArgumentException($"Not a configurator: {configurator.GetType()}.", nameof(configurator));
        }
    }

    /// <summary>One clear line for the failure, and its exit code; the API key never appears (no request is echoed).</summary>
    private static int Fail(IAnsiConsole error, Exception exception, CancellationToken cancellationToken)
    {
        var (code, message) = exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Interrupted, "interrupted"),
            MeshApiException refused => (ExitCodes.Refused, $"the API refused: {refused.Message}"),
            MeshUnreachableException unreachable => (ExitCodes.Unreachable, unreachable.Message),
            UsageException usage => (ExitCodes.Usage, usage.Message),
            CommandAppException usage => (ExitCodes.Usage, $"{usage.Message} (mesh --help lists the commands, mesh COMMAND --help its options)"),
            _ => (ExitCodes.Software, $"unexpected failure (a bug in mesh): {exception}"),
        };
        error.MarkupLineInterpolated($"[red]error:[/] {message}");
        return code;
    }
}
