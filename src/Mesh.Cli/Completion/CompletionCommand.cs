using Mesh.Cli.Hosting;
using Spectre.Console.Cli;

namespace Mesh.Cli.Completion;

/// <summary>
/// <c>mesh completion bash|zsh</c>: prints a completion script generated from the command tree. Install with
/// <c>source &lt;(mesh completion bash)</c> or <c>mesh completion zsh &gt; "${fpath[1]}/_mesh"</c>.
/// </summary>
internal sealed class CompletionCommand(CliEnvironment environment) : Command<CompletionSettings>
{
    public override int Execute(CommandContext context, CompletionSettings settings, CancellationToken cancellationToken)
    {
        environment.Json.Write(settings.Shell == "bash" ? CompletionScripts.Bash(MeshCommands.Tree) : CompletionScripts.Zsh(MeshCommands.Tree));
        environment.Json.Flush();
        return ExitCodes.Ok;
    }
}
