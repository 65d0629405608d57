using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>A new API key: its role, principal and name.</summary>
internal sealed class KeyCreateSettings : MeshSettings
{
    internal static readonly string[] Roles = ["operator", "protocol", "router", "oracle-feeder"];

    [CommandOption("--role <ROLE>")]
    [Description("operator, protocol, router or oracle-feeder.")]
    public string? Role { get; init; }

    [CommandOption("--principal <PRINCIPAL>")]
    [Description("Who the key acts as (a protocol id, a router's or a feeder's name).")]
    public string? Principal { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("A label for people.")]
    public string? Name { get; init; }

    public override ValidationResult Validate() => Role is null || !Roles.Contains(Role, StringComparer.Ordinal)
        ? ValidationResult.Error($"--role: '{Role}' is not one of {string.Join(", ", Roles)}.")
        : Inputs.All(base.Validate(), Principal is null ? ValidationResult.Success() : Inputs.Name(Principal, "--principal"));
}
