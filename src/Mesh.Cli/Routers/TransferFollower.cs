using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;

namespace Mesh.Cli.Routers;

/// <summary>
/// Polls a transfer until a final phase or the timeout: a live table on a terminal, one line per phase elsewhere,
/// nothing until the end with <c>--json</c> (then the final status alone). Exit 0 settled, 1 compensated or failed,
/// 4 timed out.
/// </summary>
internal sealed class TransferFollower(CliEnvironment environment, MeshApiClient api, CommandOutput output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    public async Task<int> FollowAsync(FollowSettings settings, JsonElement first, CancellationToken cancellationToken)
    {
        var deadline = environment.Time.GetUtcNow().AddSeconds(settings.TimeoutSeconds);
        JsonElement status;
        if (output.IsJson)
        {
            status = await PollAsync(settings, first, deadline, _ => { }, cancellationToken);
            output.WriteJson(status);
        }
        else if (output.Console.Profile.Capabilities.Interactive && output.Console.Profile.Capabilities.Ansi)
        {
            status = first;
            await output.Console.Live(TransferView.Render(first, live: true)).AutoClear(false).StartAsync(async live =>
            {
                status = await PollAsync(settings, first, deadline, s => { live.UpdateTarget(TransferView.Render(s, live: true)); live.Refresh(); }, cancellationToken);
                live.UpdateTarget(TransferView.Render(status, live: false));
            });
        }
        else
        {
            status = await FollowByLinesAsync(settings, first, deadline, cancellationToken);
        }

        return Outcome(settings, status);
    }

    private async Task<JsonElement> FollowByLinesAsync(FollowSettings settings, JsonElement first, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var printed = 0;
        var start = TransferView.StepElements(first).Select(TransferView.At).FirstOrDefault();
        var quote = first.GetProperty("quote");
        output.Console.MarkupLineInterpolated($"transfer [bold]{first.Show("requestId")}[/]: {quote.GetProperty("request").Show("amount")} {quote.GetProperty("request").Show("asset")} {quote.Show("path")}");
        void Print(JsonElement status)
        {
            foreach (var step in TransferView.StepElements(status).Skip(printed))
            {
                output.Console.WriteLine(TransferView.Line(step, start));
                printed++;
            }
        }

        Print(first);
        var status = await PollAsync(settings, first, deadline, Print, cancellationToken);
        output.Console.Write(TransferView.Render(status, live: false));
        return status;
    }

    private async Task<JsonElement> PollAsync(FollowSettings settings, JsonElement status, DateTimeOffset deadline, Action<JsonElement> update, CancellationToken cancellationToken)
    {
        while (!TransferPhases.IsTerminal(TransferPhases.Of(status.Text("phase"))) && environment.Time.GetUtcNow() < deadline)
        {
            await Task.Delay(PollInterval, environment.Time, cancellationToken);
            status = (await api.GetAsync(settings.TransferPath, cancellationToken)).Body;
            update(status);
        }

        return status;
    }

    private int Outcome(FollowSettings settings, JsonElement status)
    {
        var phase = TransferPhases.Of(status.Text("phase"));
        if (phase == TransferPhases.Settled)
        {
            return ExitCodes.Ok;
        }

        if (TransferPhases.IsTerminal(phase))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] transfer {settings.RequestId} {phase}: {status.Show("reason")} {status.Show("reasonDetail")}");
            return ExitCodes.Refused;
        }

        environment.Error.MarkupLineInterpolated($"[red]error:[/] transfer {settings.RequestId} still {phase} after {settings.TimeoutSeconds} s (--timeout); it goes on: `mesh router status {settings.RequestId}`");
        return ExitCodes.TimedOut;
    }
}
