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
            WriteJson(answer);
        }
        else
        {
            environment.Out.Write(human(answer));
        }
    }

    /// <summary>Writes the JSON alone (indented, one document) to standard output.</summary>
    public void WriteJson(JsonElement answer)
    {
        environment.Json.WriteLine(CliJson.Format(answer));
        environment.Json.Flush();
    }

    /// <summary>A table of a JSON object's values, nested objects flattened to dotted names (<c>limits.utilizationCap</c>), arrays as compact JSON.</summary>
    public static Table Properties(JsonElement element)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
        void Add(string prefix, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any())
            {
                foreach (var property in value.EnumerateObject())
                {
                    Add(prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", property.Value);
                }
            }
            else
            {
                table.AddRow(Markup.Escape(prefix), Markup.Escape(value.ValueKind == JsonValueKind.Object ? "none" : CliJson.Show(value)));
            }
        }

        Add("", element);
        return table;
    }
}
