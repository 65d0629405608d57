using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;

namespace Mesh.Cli.Protocols;

/// <summary><c>mesh protocol join</c>: asks to join (no key needed); prints the status and, when active at once, the new key.</summary>
internal sealed class JoinCommand(CliEnvironment environment) : MeshCommand<JoinSettings>(environment)
{
    protected override async Task<int> RunAsync(JoinSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var body = new
        {
            protocolId = settings.ProtocolId,
            name = settings.Name,
            chains = settings.Chains,
            contact = settings.Contact,
            requestedTier = settings.Tier,
            account = settings.Account,
        };
        var answer = await api.PostAsync("api/protocols", body, cancellationToken);
        output.Write(answer.Body, Admission.Render);
        return ExitCodes.Ok;
    }
}
