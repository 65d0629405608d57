using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Protocols;

/// <summary>
/// <c>mesh protocol exposures</c>: without <c>--file</c> lists the vault's book; with it, replaces the book (the API
/// checks every position) and prints the vault's new health.
/// </summary>
internal sealed class ExposuresCommand(CliEnvironment environment) : MeshCommand<ExposuresSettings>(environment)
{
    protected override async Task<int> RunAsync(ExposuresSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        if (settings.File is null)
        {
            output.Write((await api.GetAsync($"{settings.VaultPath}/exposures", cancellationToken)).Body, Render);
            return ExitCodes.Ok;
        }

        var text = settings.File == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(settings.File, cancellationToken);
        output.Write((await api.PutAsync($"{settings.VaultPath}/exposures", Book(text, settings.File), cancellationToken)).Body, HealthCommand.Render);
        return ExitCodes.Ok;
    }

    /// <summary>The request body: the file's object as written, or a bare array wrapped as <c>{"exposures": [...]}</c>.</summary>
    private static string Book(string text, string file)
    {
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UsageException($"--file: '{file}' is not JSON ({e.Message}).", e);
        }

        return json.ValueKind switch
        {
            JsonValueKind.Array => $"{{\"exposures\":{json.GetRawText()}}}",
            JsonValueKind.Object => json.GetRawText(),
            _ => throw new UsageException($"--file: '{file}' must hold an object {{\"exposures\": [...]}} or an array of exposures."),
        };
    }

    private static IRenderable Render(JsonElement book)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "kind", "underlying", "side", "size", "detail");
        foreach (var exposure in book.GetProperty("exposures").EnumerateArray())
        {
            var detail = exposure.Text("kind") == "option"
                ? $"{exposure.Show("right")} {exposure.Show("strike")} to {exposure.Show("expiry")}"
                : $"entry {exposure.Show("entryPrice")}";
            table.AddRow(Markup.Escape(exposure.Show("id")), Markup.Escape(exposure.Show("kind")), Markup.Escape(exposure.Show("underlying")), Markup.Escape(exposure.Show("side")), Markup.Escape(exposure.Show("size")), Markup.Escape(detail));
        }

        return table;
    }
}
