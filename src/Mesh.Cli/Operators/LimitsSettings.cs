using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>An asset pool's credit limits: read, or replaced from a file.</summary>
internal sealed class LimitsSettings : MeshSettings
{
    [CommandArgument(0, "<ASSET>")]
    [Description("The pool's asset (WETH, USDC).")]
    public string Asset { get; init; } = "";

    [CommandOption("--file <FILE>")]
    [Description("Replace the limits with this JSON file (utilizationCap, defaultRiskFactorCap, protocolCaps, riskFactorCaps; - reads standard input).")]
    public string? File { get; init; }

    public override ValidationResult Validate()
    {
        var common = Inputs.All(base.Validate(), Inputs.Name(Asset, "ASSET"));
        return common.Successful && File is not null and not "-" && !System.IO.File.Exists(File)
            ? ValidationResult.Error($"--file: '{File}' does not exist.")
            : common;
    }
}
