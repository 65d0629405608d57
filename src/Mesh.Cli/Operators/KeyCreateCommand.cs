using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;

namespace Mesh.Cli.Operators;

/// <summary><c>mesh operator keys create</c>: creates an API key; prints it, which the API shows only this once.</summary>
internal sealed class KeyCreateCommand(CliEnvironment environment) : MeshCommand<KeyCreateSettings>(environment)
{
    protected override async Task<int> RunAsync(KeyCreateSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync("api/operator/keys", new { role = settings.Role, principal = settings.Principal, name = settings.Name }, cancellationToken);
        output.Write(answer.Body, created =>
        {
            var details = created.GetProperty("details");
            return new Markup($"{Markup.Escape(details.Show("role"))} key [bold]{Markup.Escape(details.Show("keyId"))}[/] for {Markup.Escape(details.Show("principal"))} (shown once, keep it):\n{Markup.Escape(created.Show("key"))}\n");
        });
        return ExitCodes.Ok;
    }
}
