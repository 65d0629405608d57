using System.Diagnostics;
using Mesh.Cli.Tests.Infrastructure;

namespace Mesh.Cli.Tests.Completion;

/// <summary>The completion scripts, generated from the command tree, complete mesh's commands and options in a real shell.</summary>
public sealed class CompletionScriptsTests
{
    [Theory]
    [InlineData("mesh ", "protocol router operator completion --help")]
    [InlineData("mesh router ", "quote transfer status cancel --help")]
    [InlineData("mesh operator ", "approve limits cluster keys faucet simulate --help")]
    [InlineData("mesh operator cluster ", "status --help")]
    [InlineData("mesh router tr", "transfer")]
    [InlineData("mesh protocol deposit p1 --chain local-a --a", "--amount --asset")]
    [InlineData("mesh router status t1 --", "--help --http-timeout --json --key --once --timeout --url")]
    public async Task Bash_WordsTyped_CompletesTheCommandsAndOptionsOfThatPath(string line, string expected)
    {
        var script = await CliRunner.RunAsync("completion", "bash");
        var words = line.Split(' ');
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script.Json);

        var completions = await BashAsync($"source {file}; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; _mesh; echo \"${{COMPREPLY[*]}}\"");
        File.Delete(file);

        Assert.Equal(0, script.ExitCode);
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), completions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Zsh_Script_DescribesEveryCommandPathAndRegistersItself()
    {
        var sut = await CliRunner.RunAsync("completion", "zsh");

        Assert.Equal(0, sut.ExitCode);
        Assert.StartsWith("#compdef mesh\n", sut.Json, StringComparison.Ordinal);
        Assert.Contains("'transfer:Executes a quoted transfer and shows its saga live until it ends.'", sut.Json);
        Assert.Contains("(\" operator cluster status\")", sut.Json);
        Assert.Contains("compdef _mesh mesh", sut.Json);
    }

    private static async Task<string> BashAsync(string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var bash = Process.Start(info)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, error);
        return output.Trim();
    }
}
