using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console.Cli;

namespace Mesh.Cli.Hosting;

/// <summary>
/// A command that talks to the API: resolves the address and key (option, then environment), opens the client and
/// runs. Failures are exceptions that <see cref="MeshCli"/> maps to the documented exit codes.
/// </summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
internal abstract class MeshCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : MeshSettings
{
    protected CliEnvironment Environment { get; } = environment;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var client = new MeshApiClient(Address(settings), Key(settings), Environment.Handler, TimeSpan.FromSeconds(settings.HttpTimeoutSeconds));
        return await RunAsync(settings, client, new CommandOutput(Environment, settings.Json), cancellationToken);
    }

    protected abstract Task<int> RunAsync(TSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken);

    private Uri Address(TSettings settings)
    {
        var url = settings.Url ?? Environment.Variable(CliEnvironment.UrlVariable) ?? MeshSettings.DefaultUrl;
        if (!MeshSettings.IsHttpUrl(url))
        {
            throw new UsageException($"{CliEnvironment.UrlVariable}: '{url}' is not an absolute http:// or https:// address.");
        }

        // The API lives under /api of the silo; a trailing slash keeps relative paths under what the user gave.
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    private string? Key(TSettings settings)
    {
        var key = settings.Key ?? Environment.Variable(CliEnvironment.KeyVariable);
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }
}
