using System.ComponentModel;
using Spectre.Console.Cli;

namespace Mesh.Cli.Routers;

/// <summary>Reading a transfer: once, or following it until a final phase.</summary>
internal sealed class StatusSettings : FollowSettings
{
    [CommandOption("--once")]
    [Description("Read the status once instead of following it until a final phase.")]
    public bool Once { get; init; }
}
