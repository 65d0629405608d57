using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Mesh.Cli.Tests.Infrastructure;

/// <summary>Runs mesh command lines in process, as the mesh executable would, with test consoles and its own environment variables.</summary>
public static class CliRunner
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var output = new TestConsole().Width(200);
        return await RunAsync(output, variables, args);
    }

    /// <summary>Runs with <paramref name="output"/> as the people's console (an interactive one shows the live displays).</summary>
    public static Task<CliRun> RunAsync(IAnsiConsole output, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        RunAsync(output, variables, CancellationToken.None, args);

    /// <summary>Runs until done or <paramref name="interrupt"/> fires (as Ctrl+C or SIGTERM would).</summary>
    public static async Task<CliRun> RunAsync(IAnsiConsole output, IReadOnlyDictionary<string, string> variables, CancellationToken interrupt, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var error = new TestConsole().Width(400);
        using var json = new StringWriter();
        var environment = new CliEnvironment(output, error, json, name => variables.GetValueOrDefault(name), TimeProvider.System);
        var exitCode = await MeshCli.RunAsync(args, environment, interrupt);
        var shown = output is TestConsole test ? test.Output : "";
        return new CliRun(exitCode, shown, error.Output, json.ToString());
    }
}
