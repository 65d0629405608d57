using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Routers;

/// <summary>Executing a quoted transfer.</summary>
internal sealed class ExecuteSettings : FollowSettings
{
    [CommandOption("--idempotency-key <KEY>")]
    [Description("The execute's idempotency key (default: derived from the request id; the transfer dedupes by its id anyway).")]
    public string? IdempotencyKey { get; init; }

    [CommandOption("--no-wait")]
    [Description("Return once the saga started instead of following it.")]
    public bool NoWait { get; init; }

    public override ValidationResult Validate() =>
        Inputs.All(base.Validate(), IdempotencyKey is null ? ValidationResult.Success() : Inputs.Name(IdempotencyKey, "--idempotency-key"));
}
