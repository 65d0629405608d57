using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Completion;

/// <summary>Which shell to print a completion script for.</summary>
internal sealed class CompletionSettings : CommandSettings
{
    [CommandArgument(0, "<SHELL>")]
    [Description("bash or zsh.")]
    public string Shell { get; init; } = "";

    public override ValidationResult Validate() => Shell is "bash" or "zsh"
        ? ValidationResult.Success()
        : ValidationResult.Error($"SHELL: '{Shell}' is not a supported shell (bash, zsh).");
}
