using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;

namespace Mesh.Cli.Routers;

/// <summary><c>mesh router status</c>: follows the transfer with a live display until a final phase (or reads it once, <c>--once</c>).</summary>
internal sealed class StatusCommand(CliEnvironment environment) : MeshCommand<StatusSettings>(environment)
{
    protected override async Task<int> RunAsync(StatusSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var status = await api.GetAsync(settings.TransferPath, cancellationToken);
        if (settings.Once)
        {
            output.Write(status.Body, s => TransferView.Render(s, live: false));
            return ExitCodes.Ok;
        }

        return await new TransferFollower(Environment, api, output).FollowAsync(settings, status.Body, cancellationToken);
    }
}
