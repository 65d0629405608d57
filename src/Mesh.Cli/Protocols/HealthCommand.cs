using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Protocols;

/// <summary><c>mesh protocol health</c>: the vault's collateral after haircuts, margin, health factor, Greeks and need.</summary>
internal sealed class HealthCommand(CliEnvironment environment) : MeshCommand<VaultSettings>(environment)
{
    protected override async Task<int> RunAsync(VaultSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync($"{settings.VaultPath}/health", cancellationToken);
        output.Write(answer.Body, Render);
        return ExitCodes.Ok;
    }

    internal static IRenderable Render(JsonElement health)
    {
        var collateral = new Table().Border(TableBorder.Rounded).Title("collateral")
            .AddColumn("asset").AddColumn(new TableColumn("amount").RightAligned()).AddColumn(new TableColumn("haircut").RightAligned()).AddColumn(new TableColumn("value after haircut (USD)").RightAligned());
        if (health.TryGetProperty("collateral", out var assets) && assets.ValueKind == JsonValueKind.Array)
        {
            foreach (var asset in assets.EnumerateArray())
            {
                collateral.AddRow(Markup.Escape(asset.Show("asset")), Markup.Escape(asset.Show("amount")), Number(asset, "haircut", "P2"), Number(asset, "valueAfterHaircut", "N2"));
            }
        }

        var summary = new Table().Border(TableBorder.Rounded).AddColumn("health").AddColumn(new TableColumn("").RightAligned());
        summary.AddRow("health factor", Number(health, "healthFactor", "N3"));
        if (health.TryGetProperty("margin", out var margin) && margin.ValueKind == JsonValueKind.Object)
        {
            summary.AddRow("margin (USD)", Number(margin, "total", "N2"));
        }

        if (health.TryGetProperty("need", out var need) && need.ValueKind == JsonValueKind.Object)
        {
            summary.AddRow("need", Markup.Escape(need.Show("direction")));
        }

        return new Rows(collateral, summary);
    }

    private static string Number(JsonElement element, string name, string format) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : Markup.Escape(element.Show(name));
}
