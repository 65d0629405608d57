using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Protocols;

/// <summary>A value movement on a vault (deposit, withdrawal): what, how much, its idempotency key, and the wait.</summary>
internal sealed class MovementSettings : VaultSettings
{
    [CommandOption("--asset <ASSET>")]
    [Description("A token symbol of the vault's chain (WETH, USDC).")]
    public string? Asset { get; init; }

    [CommandOption("--amount <BASE_UNITS>")]
    [Description("Base units, digits only (10 WETH = 10000000000000000000).")]
    public string? Amount { get; init; }

    [CommandOption("--idempotency-key <KEY>")]
    [Description("Repeats with the same key return the first answer and never move value twice (default: a new key).")]
    public string? IdempotencyKey { get; init; }

    [CommandOption("--no-wait")]
    [Description("Return once accepted instead of waiting until final on the chain.")]
    public bool NoWait { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("The longest to wait until final (exit code 4 when it runs out).")]
    [DefaultValue(120)]
    public int TimeoutSeconds { get; init; } = 120;

    public override ValidationResult Validate() => Inputs.All(
        base.Validate(),
        Inputs.Name(Asset, "--asset"),
        Inputs.Amount(Amount, "--amount"),
        IdempotencyKey is null ? ValidationResult.Success() : Inputs.Name(IdempotencyKey, "--idempotency-key"),
        Inputs.Seconds(TimeoutSeconds, "--timeout"));
}
