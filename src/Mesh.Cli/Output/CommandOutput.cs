using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Output;

/// <summary>Where a command's result goes: the answer's JSON alone with <c>--json</c>, else tables for people.</summary>
internal sealed class CommandOutput(CliEnvironment environment, bool json)
{
    /// <summary>Whether <c>--json</c> was given: people's output is then suppressed.</summary>
    public bool IsJson { get; } = json;

    /// <summary>The console for people.</summary>
    public IAnsiConsole Console => environment.Out;

    /// <summary>Writes the JSON with <c>--json</c>, else the renderable made from it.</summary>
    public void Write(JsonElement answer, Func<JsonElement, IRenderable> human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (IsJson)
        {
            environment.Json.WriteLine(CliJson.Format(answer));
            environment.Json.Flush();
        }
        else
        {
            environment.Out.Write(human(answer));
        }
    }

    /// <summary>A table of a JSON object's scalar properties (nested objects and arrays shown as compact JSON).</summary>
    public static Table Properties(JsonElement element, params string[] names)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
        foreach (var property in element.EnumerateObject())
        {
            if (names.Length == 0 || names.Contains(property.Name, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(property.Name), Markup.Escape(CliJson.Show(property.Value)));
            }
        }

        return table;
    }
}
