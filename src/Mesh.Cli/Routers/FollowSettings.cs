using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Routers;

/// <summary>Following a transfer until a final phase (settled, compensated, failed).</summary>
internal class FollowSettings : TransferSettings
{
    [CommandOption("--timeout <SECONDS>")]
    [Description("The longest to follow the transfer (exit code 4 when it runs out; the transfer goes on).")]
    [DefaultValue(300)]
    public int TimeoutSeconds { get; init; } = 300;

    public override ValidationResult Validate() => Inputs.All(base.Validate(), Inputs.Seconds(TimeoutSeconds, "--timeout"));
}
