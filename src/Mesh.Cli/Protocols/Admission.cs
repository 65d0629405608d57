using System.Text.Json;
using Mesh.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Protocols;

/// <summary>How a join or an approval reads: the protocol's status and tier, and its key when one was issued (shown once).</summary>
internal static class Admission
{
    public static IRenderable Render(JsonElement answer)
    {
        var protocol = answer.GetProperty("protocol");
        var rows = new List<IRenderable>
        {
            new Markup($"protocol [bold]{Markup.Escape(protocol.Show("protocolId"))}[/]: {Markup.Escape(protocol.Show("status"))} ({Markup.Escape(Tier(protocol))})"),
        };
        if (answer.Text("apiKey") is { } key)
        {
            // The answer's key is the result the user asked for; it is shown this once and never again by the API.
            rows.Add(new Markup($"API key (shown once, keep it): [bold]{Markup.Escape(key)}[/]"));
        }
        else
        {
            rows.Add(new Markup("[grey]no key yet: an operator approves it with `mesh operator approve`[/]"));
        }

        return new Rows(rows);
    }

    private static string Tier(JsonElement protocol) =>
        protocol.Text("tier") is { } tier ? $"tier {tier}" : $"asked for tier {protocol.Show("requestedTier")}";
}
