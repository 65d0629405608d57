using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Operators;

/// <summary>
/// <c>mesh operator limits</c>: the pool's credit limits, the market stress shrinking them and its recalls; with
/// <c>--file</c> replaces them (credit they no longer allow is recalled, pro rata).
/// </summary>
internal sealed class LimitsCommand(CliEnvironment environment) : MeshCommand<LimitsSettings>(environment)
{
    protected override async Task<int> RunAsync(LimitsSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var asset = Uri.EscapeDataString(settings.Asset);
        if (settings.File is null)
        {
            output.Write((await api.GetAsync($"api/pools/{asset}/limits", cancellationToken)).Body, Render);
            return ExitCodes.Ok;
        }

        var text = settings.File == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(settings.File, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"--file: '{settings.File}' is not JSON ({e.Message}).", e);
        }

        output.Write((await api.PutAsync($"api/operator/pools/{asset}/limits", text, cancellationToken)).Body, Render);
        return ExitCodes.Ok;
    }

    private static IRenderable Render(JsonElement limits) => CommandOutput.Properties(limits);
}
