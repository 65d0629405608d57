using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;

namespace Mesh.Cli.Protocols;

/// <summary><c>mesh protocol show</c>: the protocol as the API reads it (its own key or an operator's).</summary>
internal sealed class ShowCommand(CliEnvironment environment) : MeshCommand<ShowSettings>(environment)
{
    protected override async Task<int> RunAsync(ShowSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync($"api/protocols/{Uri.EscapeDataString(settings.ProtocolId)}", cancellationToken);
        output.Write(answer.Body, p => CommandOutput.Properties(p));
        return ExitCodes.Ok;
    }
}
