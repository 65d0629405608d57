using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Protocols;

/// <summary>A protocol's vault on one chain.</summary>
internal class VaultSettings : MeshSettings
{
    [CommandArgument(0, "<PROTOCOL_ID>")]
    [Description("The protocol.")]
    public string ProtocolId { get; init; } = "";

    [CommandOption("--chain <CHAIN>")]
    [Description("The vault's chain (a chain of chains.json, e.g. local-a).")]
    public string? Chain { get; init; }

    /// <summary>The vault's path under the API.</summary>
    public string VaultPath => $"api/protocols/{Uri.EscapeDataString(ProtocolId)}/vaults/{Uri.EscapeDataString(Chain ?? "")}";

    public override ValidationResult Validate() =>
        Inputs.All(base.Validate(), Inputs.Name(ProtocolId, "PROTOCOL_ID"), Inputs.Name(Chain, "--chain"));
}
