using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Routers;

/// <summary>A router's transfer, by the request id the router chose.</summary>
internal class TransferSettings : MeshSettings
{
    [CommandArgument(0, "<REQUEST_ID>")]
    [Description("The router's id of the transfer: 1-64 letters, digits, '.', '_' and '-'.")]
    public string RequestId { get; init; } = "";

    /// <summary>The transfer's path under the API.</summary>
    public string TransferPath => $"api/transfers/{Uri.EscapeDataString(RequestId)}";

    public override ValidationResult Validate() => Inputs.All(base.Validate(), Inputs.Name(RequestId, "REQUEST_ID"));
}
