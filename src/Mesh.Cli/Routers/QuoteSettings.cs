using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Routers;

/// <summary>What to move: a protocol's asset from one chain to another, how much and within what deadline.</summary>
internal sealed class QuoteSettings : TransferSettings
{
    [CommandOption("--protocol <PROTOCOL_ID>")]
    [Description("The protocol whose vault balance moves.")]
    public string? Protocol { get; init; }

    [CommandOption("--asset <ASSET>")]
    [Description("The token symbol, on both chains.")]
    public string? Asset { get; init; }

    [CommandOption("--from <CHAIN>")]
    [Description("The source chain.")]
    public string? From { get; init; }

    [CommandOption("--to <CHAIN>")]
    [Description("The destination chain.")]
    public string? To { get; init; }

    [CommandOption("--amount <BASE_UNITS>")]
    [Description("What leaves the source, in base units (digits only); the destination receives it less the fee.")]
    public string? Amount { get; init; }

    [CommandOption("--deadline <SECONDS>")]
    [Description("The longest the transfer may take end to end.")]
    [DefaultValue(600)]
    public int DeadlineSeconds { get; init; } = 600;

    public override ValidationResult Validate() => Inputs.All(
        base.Validate(),
        Inputs.Name(Protocol, "--protocol"),
        Inputs.Name(Asset, "--asset"),
        Inputs.Name(From, "--from"),
        Inputs.Name(To, "--to"),
        Inputs.Amount(Amount, "--amount"),
        Inputs.Seconds(DeadlineSeconds, "--deadline"));
}
