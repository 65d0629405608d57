using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;

namespace Mesh.Cli.Routers;

/// <summary><c>mesh router transfer</c>: executes a quoted transfer and follows its saga until it ends (unless <c>--no-wait</c>).</summary>
internal sealed class TransferCommand(CliEnvironment environment) : MeshCommand<ExecuteSettings>(environment)
{
    protected override async Task<int> RunAsync(ExecuteSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var started = await api.PostAsync($"{settings.TransferPath}/execute", null, cancellationToken, settings.IdempotencyKey ?? $"transfer-{settings.RequestId}");
        if (settings.NoWait)
        {
            output.Write(started.Body, s => TransferView.Render(s, live: false));
            return ExitCodes.Ok;
        }

        return await new TransferFollower(Environment, api, output).FollowAsync(settings, started.Body, cancellationToken);
    }
}
