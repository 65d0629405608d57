using Mesh.Cli.Hosting;
using Mesh.Cli.Http;
using Mesh.Cli.Output;
using Spectre.Console;

namespace Mesh.Cli.Operators;

/// <summary><c>mesh operator faucet</c>: mints test tokens to an account on a simulated chain (the silo's dev endpoint).</summary>
internal sealed class FaucetCommand(CliEnvironment environment) : MeshCommand<FaucetSettings>(environment)
{
    protected override async Task<int> RunAsync(FaucetSettings settings, MeshApiClient api, CommandOutput output, CancellationToken cancellationToken)
    {
        var body = new { chain = settings.Chain, token = settings.Token, account = settings.Account, amount = settings.Amount };
        output.Write((await api.PostAsync("api/dev/faucet", body, cancellationToken)).Body, funded =>
            new Markup($"{Markup.Escape(funded.Show("account"))} holds {Markup.Escape(funded.Show("balance"))} {Markup.Escape(funded.Show("token"))} on {Markup.Escape(funded.Show("chain"))}\n"));
        return ExitCodes.Ok;
    }
}
