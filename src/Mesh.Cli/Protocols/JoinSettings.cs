using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Protocols;

/// <summary>A protocol's request to join the mesh.</summary>
internal sealed class JoinSettings : MeshSettings
{
    internal static readonly string[] Tiers = ["conservative", "standard", "aggressive"];

    [CommandArgument(0, "<PROTOCOL_ID>")]
    [Description("The id to ask for: 2-32 lower-case letters, digits and inner hyphens.")]
    public string ProtocolId { get; init; } = "";

    [CommandOption("--name <NAME>")]
    [Description("Display name.")]
    public string? Name { get; init; }

    [CommandOption("--chain <CHAIN>")]
    [Description("A chain to hold vaults on (repeat for more).")]
    public string[] Chains { get; init; } = [];

    [CommandOption("--contact <CONTACT>")]
    [Description("An e-mail address or https URL.")]
    public string? Contact { get; init; }

    [CommandOption("--tier <TIER>")]
    [Description("The risk tier asked for: conservative, standard or aggressive.")]
    [DefaultValue("standard")]
    public string Tier { get; init; } = "standard";

    [CommandOption("--account <ADDRESS>")]
    [Description("The protocol's EVM account (0x and 40 hex digits): deposits come from it, withdrawals go to it.")]
    public string? Account { get; init; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful)
        {
            return common;
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name: is required.");
        }

        if (Chains.Length == 0)
        {
            return ValidationResult.Error("--chain: give at least one chain.");
        }

        if (string.IsNullOrWhiteSpace(Contact))
        {
            return ValidationResult.Error("--contact: is required (an e-mail address or https URL).");
        }

        if (!Tiers.Contains(Tier, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--tier: '{Tier}' is not one of {string.Join(", ", Tiers)}.");
        }

        return Inputs.All([Inputs.Name(ProtocolId, "PROTOCOL_ID"), .. Chains.Select(c => Inputs.Name(c, "--chain")), Inputs.Account(Account, "--account")]);
    }
}
