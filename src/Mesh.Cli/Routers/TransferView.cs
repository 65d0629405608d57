using System.Globalization;
using System.Text.Json;
using Mesh.Cli.Output;
using Mesh.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Routers;

/// <summary>
/// How a transfer status reads: one row per phase it passed (when, for how long, what the saga noted), the phases
/// still ahead in grey, and the amounts and transactions once it ends.
/// </summary>
internal static class TransferView
{
    public static IRenderable Render(JsonElement status, bool live)
    {
        var phase = TransferPhases.Of(status.Text("phase"));
        var quote = status.GetProperty("quote");
        var request = quote.GetProperty("request");
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"transfer [bold]{Markup.Escape(status.Show("requestId"))}[/]: {Markup.Escape(request.Show("amount"))} {Markup.Escape(request.Show("asset"))} {Markup.Escape(quote.Show("path"))}")
            .AddColumn("").AddColumn("phase").AddColumn(new TableColumn("at").RightAligned()).AddColumn("note");
        var steps = Steps(status);
        var start = steps.Count > 0 ? steps[0].At : default;
        for (var i = 0; i < steps.Count; i++)
        {
            var (stepPhase, at, note) = steps[i];
            var current = i == steps.Count - 1 && !TransferPhases.IsTerminal(phase);
            var mark = current ? (live ? "[yellow]▶[/]" : "[yellow]>[/]") : stepPhase is "failed" or "compensated" or "compensating" ? "[red]x[/]" : "[green]✓[/]";
            table.AddRow(mark, Markup.Escape(stepPhase), Seconds(at - start), Markup.Escape(note));
        }

        var passed = steps.Select(s => s.Phase).ToHashSet(StringComparer.Ordinal);
        if (Array.IndexOf(TransferPhases.Path, phase) is var index and >= 0)
        {
            foreach (var ahead in TransferPhases.Path.Skip(index + 1).Where(p => !passed.Contains(p)))
            {
                table.AddRow("[grey]·[/]", $"[grey]{ahead}[/]", "", "");
            }
        }

        table.Caption(Markup.Escape(Caption(status, phase)));
        return table;
    }

    /// <summary>One line per phase passed, for consoles that cannot redraw (logs, pipes, CI).</summary>
    public static string Line(JsonElement step, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seconds(At(step) - start),7}  {TransferPhases.Of(step.Text("phase")),-12} {Hashes.Shorten(step.Show("note"))}");

    public static IReadOnlyList<JsonElement> StepElements(JsonElement status) =>
        status.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array ? [.. steps.EnumerateArray()] : [];

    public static DateTimeOffset At(JsonElement step) =>
        DateTimeOffset.TryParse(step.Text("at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : default;

    private static List<(string Phase, DateTimeOffset At, string Note)> Steps(JsonElement status) =>
        [.. StepElements(status).Select(s => (TransferPhases.Of(s.Text("phase")), At(s), Hashes.Shorten(s.Show("note"))))];

    private static string Caption(JsonElement status, string phase) => phase switch
    {
        TransferPhases.Settled => $"settled: locked {status.Show("locked")}, released {status.Show("released")}, fee {status.Show("feeRetained")}",
        "failed" or "compensated" => $"{phase}: {status.Show("reason")} {status.Show("reasonDetail")}; refunded {status.Show("refunded")}".TrimEnd(),
        _ => $"{phase} since {status.Show("phaseSince")}{(status.TryGetProperty("stuck", out var stuck) && stuck.ValueKind == JsonValueKind.True ? " (stuck)" : "")}",
    };

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"+{elapsed.TotalSeconds:0.0} s");
}
