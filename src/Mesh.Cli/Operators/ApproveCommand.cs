using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Mesh.Cli.Protocols;

namespace Mesh.Cli.Operators;

/// <summary><c>mesh operator approve</c>: approves a pending protocol; prints its API key, which the API shows only this once.</summary>
internal sealed class ApproveCommand(CliEnvironment environment) : MeshCommand<ApproveSettings>(environment)
{
    protected override async Task<int> RunAsync(ApproveSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync($"api/operator/protocols/{Uri.EscapeDataString(settings.ProtocolId)}/approve", new { tier = settings.Tier }, cancellationToken);
        output.Write(answer.Body, Admission.Render);
        return ExitCodes.Ok;
    }
}
