using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Protocols;

/// <summary>One protocol by id.</summary>
internal sealed class ShowSettings : MeshSettings
{
    [CommandArgument(0, "<PROTOCOL_ID>")]
    [Description("The protocol.")]
    public string ProtocolId { get; init; } = "";

    public override ValidationResult Validate() => Inputs.All(base.Validate(), Inputs.Name(ProtocolId, "PROTOCOL_ID"));
}
