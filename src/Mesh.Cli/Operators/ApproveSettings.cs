using System.ComponentModel;
using Mesh.Cli.Hosting;
using Mesh.Cli.Protocols;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>An operator's approval of a pending protocol.</summary>
internal sealed class ApproveSettings : MeshSettings
{
    [CommandArgument(0, "<PROTOCOL_ID>")]
    [Description("The pending protocol.")]
    public string ProtocolId { get; init; } = "";

    [CommandOption("--tier <TIER>")]
    [Description("The tier to grant: conservative, standard or aggressive (default: the one it asked for).")]
    public string? Tier { get; init; }

    public override ValidationResult Validate()
    {
        if (Tier is not null && !JoinSettings.Tiers.Contains(Tier, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--tier: '{Tier}' is not one of {string.Join(", ", JoinSettings.Tiers)}.");
        }

        return Inputs.All(base.Validate(), Inputs.Name(ProtocolId, "PROTOCOL_ID"));
    }
}
