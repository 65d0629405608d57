using System.ComponentModel;
using Mesh.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mesh.Cli.Operators;

/// <summary>Test tokens for an account on a simulated chain.</summary>
internal sealed class FaucetSettings : MeshSettings
{
    [CommandOption("--chain <CHAIN>")]
    [Description("The simulated chain.")]
    public string? Chain { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("The token symbol.")]
    public string? Token { get; init; }

    [CommandOption("--account <ADDRESS>")]
    [Description("The account to fund (0x and 40 hex digits).")]
    public string? Account { get; init; }

    [CommandOption("--amount <BASE_UNITS>")]
    [Description("Base units, digits only.")]
    public string? Amount { get; init; }

    public override ValidationResult Validate() => Inputs.All(
        base.Validate(), Inputs.Name(Chain, "--chain"), Inputs.Name(Token, "--token"), Inputs.Account(Account, "--account"), Inputs.Amount(Amount, "--amount"));
}
