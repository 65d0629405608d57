using System.Globalization;
using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Operators;

/// <summary><c>mesh operator cluster status</c>: every silo of the cluster, its status and liveness, the answering silo marked.</summary>
internal sealed class ClusterStatusCommand(CliEnvironment environment) : MeshCommand<MeshSettings>(environment)
{
    protected override async Task<int> RunAsync(MeshSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Write((await api.GetAsync("api/operator/cluster", cancellationToken)).Body, Render);
        return ExitCodes.Ok;
    }

    private static IRenderable Render(JsonElement cluster)
    {
        var self = cluster.Text("self");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "silo", "address", "host", "status", "started", "alive at");
        foreach (var silo in cluster.GetProperty("silos").EnumerateArray())
        {
            var status = silo.Show("status");
            var color = status == "Active" ? "green" : status is "Dead" or "Stopping" or "ShuttingDown" ? "red" : "yellow";
            table.AddRow(
                silo.Text("address") == self ? "*" : "",
                Markup.Escape(silo.Show("name")),
                Markup.Escape(silo.Show("address")),
                Markup.Escape(silo.Show("hostName")),
                $"[{color}]{Markup.Escape(status)}[/]",
                Time(silo, "startedAt"),
                Time(silo, "iAmAliveAt"));
        }

        return table.Caption("* the silo that answered; times in UTC");
    }

    private static string Time(JsonElement silo, string name) =>
        DateTimeOffset.TryParse(silo.Text(name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : Markup.Escape(silo.Show(name));
}
