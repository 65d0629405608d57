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
        // No debt and no margin: nothing at risk, the API writes no factor (it would be infinite).
        summary.AddRow("health factor", health.TryGetProperty("healthFactor", out var factor) && factor.ValueKind == JsonValueKind.Number ? Number(health, "healthFactor", "N3") : "none (nothing at risk)");
        if (health.TryGetProperty("margin", out var margin) && margin.ValueKind == JsonValueKind.Object)
        {
            summary.AddRow("margin (USD)", Number(margin, "total", "N2"));
        }

        if (health.TryGetProperty("need", out var need) && need.ValueKind == JsonValueKind.Object)
        {
            summary.AddRow("need", Markup.Escape(need.Show("direction")));
        }
        else
        {
            summary.AddRow("need", "none (inside the band)");
        }

        var rows = new List<IRenderable> { collateral, summary };
        if (health.TryGetProperty("greeks", out var greeks) && greeks.ValueKind == JsonValueKind.Array && greeks.GetArrayLength() > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("greeks")
                .AddColumn("underlying").AddColumn(new TableColumn("delta").RightAligned()).AddColumn(new TableColumn("gamma").RightAligned()).AddColumn(new TableColumn("vega").RightAligned());
            foreach (var greek in greeks.EnumerateArray())
            {
                table.AddRow(Markup.Escape(greek.Show("underlying")), Number(greek, "delta", "N4"), Number(greek, "gamma", "N4"), Number(greek, "vega", "N4"));
            }

            rows.Add(table);
        }

        return new Rows(rows);
    }

    private static string Number(JsonElement element, string name, string format) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : Markup.Escape(element.Show(name));
}
