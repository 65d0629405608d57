using System.Globalization;
using System.Text.Json;
using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mesh.Testing.ChainNode;

/// <summary>
/// The chain node's HTTP surface under <c>/chains/{chain}</c>: every <see cref="IChainClient"/> call, and the
/// <see cref="ISimulatedChain"/> control calls. A chain's <see cref="ChainClientException"/> is answered as a
/// <see cref="ChainNodeError"/> body with the status of its kind; a missing block is 204.
/// </summary>
internal static class ChainNodeEndpoints
{
    public static void MapChainNodeEndpoints(this IEndpointRouteBuilder endpoints, ISimulatedChainProvider chains)
    {
        var group = endpoints.MapGroup("/chains/{chain}");
        group.MapGet("/head", (string chain, CancellationToken ct) => Call(chains, chain, c => c.GetHeadAsync(ct)));
        group.MapGet("/finalized", (string chain, CancellationToken ct) => Call(chains, chain, c => c.GetFinalizedHeadAsync(ct)));
        group.MapGet("/blocks/{number}", (string chain, ulong number, CancellationToken ct) => Call(chains, chain, c => c.GetBlockAsync(number, ct)));
        group.MapPost("/operations", (string chain, HttpRequest request, CancellationToken ct) =>
            Call(chains, chain, async c => await c.SubmitAsync(await ReadAsync<ChainOperation>(request, ct), ct)));
        group.MapGet("/operations/{operationId}", (string chain, string operationId, CancellationToken ct) =>
            Call(chains, chain, c => c.GetOperationAsync(ParseOperation(operationId), ct)));
        group.MapGet("/balances/{token}/{account}", (string chain, string token, string account, CancellationToken ct) =>
            Call(chains, chain, async c => new ChainNodeAmount(await c.GetBalanceAsync(token, account, ct))));
        group.MapGet("/vault/{token}/{protocolId}", (string chain, string token, string protocolId, CancellationToken ct) =>
            Call(chains, chain, async c => new ChainNodeAmount(await c.GetVaultBalanceAsync(token, protocolId, ct))));
        group.MapGet("/movements", (string chain, ulong from, ulong to, CancellationToken ct) => Call(chains, chain, c => c.GetMovementsAsync(from, to, ct)));
        MapControl(group, chains);
    }

    private static void MapControl(RouteGroupBuilder group, ISimulatedChainProvider chains)
    {
        group.MapGet("/state", (string chain) => Call(chains, chain, c => Task.FromResult(new ChainNodeState(c.IsHalted, c.PendingCount))));
        group.MapGet("/supply/{token}", (string chain, string token) => Call(chains, chain, c => Task.FromResult(new ChainNodeSupply(c.GetTotalSupply(token), c.GetMinted(token)))));
        group.MapPost("/faucet", (string chain, HttpRequest request, CancellationToken ct) =>
            Run(chains, chain, async c => Funding(await ReadAsync<ChainNodeFunding>(request, ct), c.Fund)));
        group.MapPost("/approvals", (string chain, HttpRequest request, CancellationToken ct) =>
            Run(chains, chain, async c => Funding(await ReadAsync<ChainNodeFunding>(request, ct), c.Approve)));
        group.MapPost("/halt", (string chain) => Run(chains, chain, c => Done(c.HaltBlocks)));
        group.MapPost("/resume", (string chain) => Run(chains, chain, c => Done(c.ResumeBlocks)));
        group.MapPost("/clear-faults", (string chain) => Run(chains, chain, c => Done(c.ClearFaults)));
        group.MapPost("/fail-next", (string chain, HttpRequest request, CancellationToken ct) =>
            Run(chains, chain, async c => Fault(await ReadAsync<ChainNodeFault>(request, ct), f => c.FailNextCalls(f.Count, f.Kind))));
        group.MapPost("/failure-rate", (string chain, HttpRequest request, CancellationToken ct) =>
            Run(chains, chain, async c => Fault(await ReadAsync<ChainNodeFault>(request, ct), f => c.SetCallFailureRate(f.Probability, f.Kind))));
        group.MapPost("/latency", (string chain, HttpRequest request, CancellationToken ct) =>
            Run(chains, chain, async c => c.SetLatency((await ReadAsync<ChainNodeLatency>(request, ct)).Latency)));
        group.MapPost("/reorg", (string chain, HttpRequest request, CancellationToken ct) =>
            Call(chains, chain, async c =>
            {
                var reorg = await ReadAsync<ChainNodeReorg>(request, ct);
                return c.Reorg(reorg.Depth, reorg.Mode);
            }));
    }

    private static async Task<IResult> Call<T>(ISimulatedChainProvider chains, string name, Func<ISimulatedChain, Task<T>> call)
    {
        try
        {
            var result = await call(chains.GetSimulated(name));
            return result is null ? Results.NoContent() : Results.Json(result, ChainNodeJson.Options);
        }
        catch (ChainClientException exception)
        {
            return Failure(ChainNodeError.From(exception));
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException)
        {
            return Failure(new ChainNodeError(name, ChainErrorKind.Rejected, ChainErrorCodes.InvalidOperation, exception.Message));
        }
    }

    private static Task<IResult> Run(ISimulatedChainProvider chains, string name, Func<ISimulatedChain, Task> call) =>
        Call<object?>(chains, name, async c =>
        {
            await call(c);
            return null;
        });

    private static IResult Failure(ChainNodeError error) => Results.Json(error, ChainNodeJson.Options, statusCode: error.StatusCode());

    private static void Funding(ChainNodeFunding funding, Action<string, string, UInt128> action) => action(funding.Account, funding.Token, funding.Amount);

    private static void Fault(ChainNodeFault fault, Action<ChainNodeFault> action) => action(fault);

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private static OperationId ParseOperation(string text) =>
        Bytes32.TryParse(text, out var value)
            ? new OperationId(value)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an operation id (0x and 64 hex digits)."));

    private static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, ChainNodeJson.Options, cancellationToken)
            ?? throw new JsonException($"The body must be a {typeof(T).Name}, not null.");
}
