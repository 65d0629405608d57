using System.Globalization;
using System.Text.Json;
using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mesh.Cli.Protocols;

/// <summary>
/// Posts a movement with an idempotency key and, unless <c>--no-wait</c>, polls its operation until it is final:
/// exit 0 when completed, 1 when it failed (the reason is the problem code), 4 when <c>--timeout</c> ran out.
/// </summary>
internal abstract class MovementCommand(CliEnvironment environment, string path) : MeshCommand<MovementSettings>(environment)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task<int> RunAsync(MovementSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var key = settings.IdempotencyKey ?? $"cli-{Guid.NewGuid():N}";
        var answer = await api.PostAsync($"{settings.VaultPath}/{path}", new { asset = settings.Asset, amount = settings.Amount }, cancellationToken, key);
        var receipt = answer.Body;
        if (!settings.NoWait && receipt.Text("status") == "pending")
        {
            var operation = $"{settings.VaultPath}/operations/{Uri.EscapeDataString(receipt.Text("operationId") ?? "")}";
            var deadline = Environment.Time.GetUtcNow().AddSeconds(settings.TimeoutSeconds);
            var wait = output.IsJson
                ? WaitAsync(api, operation, deadline, cancellationToken)
                : output.Console.Status().StartAsync($"waiting until {path} {receipt.Text("operationId")} is final on {settings.Chain}", _ => WaitAsync(api, operation, deadline, cancellationToken));
            receipt = await wait;
        }

        output.Write(receipt, Render);
        return receipt.Text("status") switch
        {
            "completed" => ExitCodes.Ok,
            "pending" when settings.NoWait => ExitCodes.Ok,
            "pending" => Report($"the operation was still pending after {settings.TimeoutSeconds} s (--timeout); it may still complete", ExitCodes.TimedOut),
            _ => Report($"the operation failed: {receipt.Text("reason")}; nothing moved", ExitCodes.Refused),
        };
    }

    private int Report(string message, int code)
    {
        Environment.Error.MarkupLineInterpolated($"[red]error:[/] {message}");
        return code;
    }

    private async Task<JsonElement> WaitAsync(MeshApiClient api, string operation, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var receipt = (await api.GetAsync(operation, cancellationToken)).Body;
            if (receipt.Text("status") != "pending" || Environment.Time.GetUtcNow() >= deadline)
            {
                return receipt;
            }

            await Task.Delay(PollInterval, Environment.Time, cancellationToken);
        }
    }

    private static IRenderable Render(JsonElement receipt) => new Markup(string.Create(
        CultureInfo.InvariantCulture,
        $"{Markup.Escape(receipt.Show("kind"))} [bold]{Markup.Escape(receipt.Show("operationId"))}[/]: {Markup.Escape(receipt.Show("amount"))} {Markup.Escape(receipt.Show("asset"))} {Markup.Escape(receipt.Show("status"))}{(receipt.Text("chainTransaction") is { } tx ? $" (tx {Markup.Escape(Hashes.Shorten(tx))})" : "")}\n"));
}
