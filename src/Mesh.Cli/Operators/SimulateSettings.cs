using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>The fire-sale simulation: which silo build runs it; everything after <c>--</c> goes to <c>simulate</c> itself.</summary>
internal sealed class SimulateSettings : CommandSettings
{
    [CommandOption("--silo <PATH>")]
    [Description("The silo to run (Mesh.Silo.dll; else $MESH_SILO_DLL, else the one beside mesh, else `dotnet run --project src/Mesh.Silo` in this repository).")]
    public string? Silo { get; init; }

    public override ValidationResult Validate() => Silo is not null && !File.Exists(Silo)
        ? ValidationResult.Error($"--silo: '{Silo}' does not exist (build it: dotnet build src/Mesh.Silo).")
        : ValidationResult.Success();
}
