using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;

namespace Mesh.Cli.Routers;

/// <summary><c>mesh router cancel</c>: cancels a transfer before its lock (refused once the lock is submitted).</summary>
internal sealed class CancelCommand(CliEnvironment environment) : MeshCommand<TransferSettings>(environment)
{
    protected override async Task<int> RunAsync(TransferSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        output.Write((await api.PostAsync($"{settings.TransferPath}/cancel", null, cancellationToken)).Body, s => TransferView.Render(s, live: false));
        return ExitCodes.Ok;
    }
}
