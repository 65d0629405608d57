using Mesh.Api;
using Mesh.Api.Authentication;
using Mesh.Api.Json;
using Mesh.Chains.Simulated;
using Mesh.Errors;

namespace Mesh.Silo.Api;

/// <summary>
/// Endpoints for the simulated chains the silo runs while no real EVM client is configured: an operator funds test
/// accounts, so that a new user can deposit without a chain of their own.
/// </summary>
public static class DevEndpoints
{
    /// <summary>Maps <c>POST /api/dev/faucet</c> (operator key).</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapMeshDevEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMeshApiGroup("/api/dev").RequireAuthorization(ApiPolicies.Operator).WithTags("Development")
            .MapPost("/faucet", async (FaucetBody body, ISimulatedChainProvider chains, CancellationToken cancellationToken) =>
            {
                var chain = ApiNames.Chain(body.Chain);
                if (!chains.ChainNames.Contains(chain))
                {
                    throw MeshException.Invalid("chain", "chain.unknown", $"chain '{chain}' is not a chain of this mesh ({string.Join(", ", chains.ChainNames)}).");
                }

                if (body.Account is not { Length: 42 } account || !account.StartsWith("0x", StringComparison.Ordinal) || !account.Skip(2).All(char.IsAsciiHexDigit))
                {
                    throw MeshException.Invalid("account", "chain.malformed_account", "account must be 0x and 40 hex digits.");
                }

                var simulated = chains.GetSimulated(chain);
                if (simulated.Definition.FindToken(body.Token ?? "") is null)
                {
                    throw MeshException.Invalid("token", "asset.unknown", $"token '{body.Token}' is not a token on {chain}.");
                }

                simulated.Fund(body.Account, body.Token!, body.Amount.Value);
                return TypedResults.Ok(new { chain, token = body.Token, account = body.Account, balance = (await simulated.GetBalanceAsync(body.Token!, body.Account, cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            })
            .WithName("Faucet").WithSummary("Mints test tokens to an account on a simulated chain.");
        return endpoints;
    }

    /// <summary>A faucet request.</summary>
    /// <param name="Chain">The simulated chain.</param>
    /// <param name="Token">The token symbol.</param>
    /// <param name="Account">The account to fund (0x and 40 hex digits).</param>
    /// <param name="Amount">Base units, as a string of digits.</param>
    public sealed record FaucetBody(string Chain, string Token, string Account, Amount Amount);
}
