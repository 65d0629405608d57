using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Protocols;

/// <summary>Reads a vault's book, or replaces it from a file.</summary>
internal sealed class ExposuresSettings : VaultSettings
{
    [CommandOption("--file <FILE>")]
    [Description("Replace the book with this JSON file ({\"exposures\":[...]} or the bare array; - reads standard input); without it, read the book.")]
    public string? File { get; init; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        return common.Successful && File is not null and not "-" && !System.IO.File.Exists(File)
            ? ValidationResult.Error($"--file: '{File}' does not exist.")
            : common;
    }
}
