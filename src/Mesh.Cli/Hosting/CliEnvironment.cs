using Spectre.Console;

namespace Mesh.Cli.Hosting;

/// <summary>
/// What a command reaches outside itself: the consoles, the JSON output stream, environment variables, the clock and
/// the HTTP handler. The process uses the real ones; tests give their own (a Spectre test console, a string writer).
/// </summary>
/// <param name="Out">Standard output for people (tables, progress).</param>
/// <param name="Error">Standard error: error messages.</param>
/// <param name="Json">Standard output as plain text for <c>--json</c> (never wrapped to the console's width).</param>
/// <param name="Variable">Reads an environment variable.</param>
/// <param name="Time">The clock that paces polling.</param>
/// <param name="Handler">The HTTP handler to send requests with; null for a new socket handler.</param>
internal sealed record CliEnvironment(
    IAnsiConsole Out,
    IAnsiConsole Error,
    TextWriter Json,
    Func<string, string?> Variable,
    TimeProvider Time,
    HttpMessageHandler? Handler = null)
{
    /// <summary>The name of the environment variable holding the API key.</summary>
    public const string KeyVariable = "MESH_API_KEY";

    private const int LogWidth = 4096;

    /// <summary>The name of the environment variable holding the API's base address.</summary>
    public const string UrlVariable = "MESH_URL";

    /// <summary>The real consoles, environment and clock of this process.</summary>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromProcess()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            // An error line in a log or a pipe stays one line, not wrapped at a guessed 80 columns.
            error.Profile.Width = LogWidth;
        }

        return new(AnsiConsole.Console, error, Console.Out, Environment.GetEnvironmentVariable, TimeProvider.System);
    }
}
