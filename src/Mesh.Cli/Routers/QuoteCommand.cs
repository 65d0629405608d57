using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Routers;

/// <summary><c>mesh router quote</c>: prices the cheapest route that fits; the quote expires (then quote again).</summary>
internal sealed class QuoteCommand(CliEnvironment environment) : MeshCommand<QuoteSettings>(environment)
{
    protected override async Task<int> RunAsync(QuoteSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var body = new
        {
            protocolId = settings.Protocol,
            asset = settings.Asset,
            from = settings.From,
            to = settings.To,
            amount = settings.Amount,
            deadlineSeconds = settings.DeadlineSeconds,
        };
        output.Write((await api.PostAsync($"{settings.TransferPath}/quote", body, cancellationToken)).Body, Render);
        return ExitCodes.Ok;
    }

    private static IRenderable Render(JsonElement quote)
    {
        var request = quote.GetProperty("request");
        var table = new Table().Border(TableBorder.Rounded).Title($"quote {Markup.Escape(quote.Show("requestId"))}").AddColumn("").AddColumn("");
        table.AddRow("route", Markup.Escape(quote.Show("path")));
        table.AddRow("amount", $"{Markup.Escape(request.Show("amount"))} {Markup.Escape(request.Show("asset"))}");
        table.AddRow("delivered", Markup.Escape(quote.Show("delivered")));
        table.AddRow("fee", Markup.Escape(quote.Show("fee")));
        table.AddRow("expected duration", Markup.Escape(quote.Show("expectedDuration")));
        table.AddRow("expires at", Markup.Escape(quote.Show("expiresAt")));
        return table.HideHeaders();
    }
}
