using System.Net;
using static Mesh.Api.Tests.Domain.AccessRule;
using static Mesh.Api.Tests.Domain.Caller;

namespace Mesh.Api.Tests.Domain;

/// <summary>Every endpoint with a valid request and its expected outcome for each caller.</summary>
public static class MatrixEndpoints
{
    private static readonly string Vault = DomainSilo.MainVault;

    public static IReadOnlyList<MatrixEndpoint> All { get; } = Build();

    public static TheoryData<string, Caller> Cells()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var endpoint in All)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(endpoint.Name, caller);
            }
        }

        return data;
    }

    private static Dictionary<Caller, AccessRule> Rules(AccessRule anonymous, AccessRule op, AccessRule own, AccessRule other, AccessRule router, AccessRule feeder) =>
        new() { [Anonymous] = anonymous, [Operator] = op, [Protocol] = own, [OtherProtocol] = other, [Router] = router, [Feeder] = feeder };

    private static Task<MatrixTarget> At(string path, string? body = null) => Task.FromResult(new MatrixTarget(path, body));

    private static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    private static async Task<(string Id, string? Key)> FreshProtocolAsync(DomainSilo fixture, bool approve, bool suspend = false)
    {
        var id = Fresh("az");
        await DomainSilo.Expect(fixture.Silo.PostAsync("/api/protocols", null, DomainSilo.JoinBody(id)), HttpStatusCode.Created);
        if (!approve)
        {
            return (id, null);
        }

        var key = (await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/operator/protocols/{id}/approve", fixture.Silo.OperatorKey, "{}"), HttpStatusCode.OK)).GetProperty("apiKey").GetString();
        if (suspend)
        {
            await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/operator/protocols/{id}/suspend", fixture.Silo.OperatorKey, "{\"reason\":\"matrix\"}"), HttpStatusCode.OK);
        }

        return (id, key);
    }

    private static List<MatrixEndpoint> Build()
    {
        var keyOnly = Rules(Unauthorized, Ok, Ok, Ok, Ok, Ok);
        var operatorOnly = Rules(Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden);
        var ownOrOperator = Rules(Unauthorized, Ok, Ok, Forbidden, Forbidden, Forbidden);
        var ownOnly = Rules(Unauthorized, Forbidden, Ok, Forbidden, Forbidden, Forbidden);
        var ownAllowed = Rules(Unauthorized, Forbidden, Allowed, Forbidden, Forbidden, Forbidden);
        var list = new List<MatrixEndpoint>
        {
            new("join", HttpMethod.Post, (_, _) => At("/api/protocols", DomainSilo.JoinBody(Fresh("az"))), Rules(Ok, Ok, Ok, Ok, Ok, Ok)),
            new("read protocol", HttpMethod.Get, (_, _) => At($"/api/protocols/{DomainSilo.Main}"), ownOrOperator),
            new("leave", HttpMethod.Post, async (f, _) =>
            {
                var (id, key) = await FreshProtocolAsync(f, approve: true);
                return new MatrixTarget($"/api/protocols/{id}/leave", null, key);
            }, ownOnly),
            new("approve", HttpMethod.Post, async (f, _) => new MatrixTarget($"/api/operator/protocols/{(await FreshProtocolAsync(f, approve: false)).Id}/approve", "{}"), operatorOnly),
            new("reject", HttpMethod.Post, async (f, _) => new MatrixTarget($"/api/operator/protocols/{(await FreshProtocolAsync(f, approve: false)).Id}/reject", "{\"reason\":\"matrix\"}"), operatorOnly),
            new("suspend", HttpMethod.Post, async (f, _) => new MatrixTarget($"/api/operator/protocols/{(await FreshProtocolAsync(f, approve: true)).Id}/suspend", "{\"reason\":\"matrix\"}"), operatorOnly),
            new("reinstate", HttpMethod.Post, async (f, _) => new MatrixTarget($"/api/operator/protocols/{(await FreshProtocolAsync(f, approve: true, suspend: true)).Id}/reinstate"), operatorOnly),
            new("deposit", HttpMethod.Post, async (f, _) =>
            {
                await DomainSilo.Expect(f.Silo.PostAsync("/api/dev/faucet", f.Silo.OperatorKey, $$"""{"chain":"{{DomainSilo.Chain}}","token":"WETH","account":"{{DomainSilo.MainAccount}}","amount":"1"}"""), HttpStatusCode.OK);
                return new MatrixTarget($"{Vault}/deposits", "{\"asset\":\"WETH\",\"amount\":\"1\"}");
            }, ownOnly, Idempotent: true),
            new("withdrawal", HttpMethod.Post, (_, _) => At($"{Vault}/withdrawals", "{\"asset\":\"WETH\",\"amount\":\"1\"}"), ownOnly, Idempotent: true),
            new("draw", HttpMethod.Post, (_, _) => At($"{Vault}/draws", "{\"asset\":\"USDC\",\"amount\":\"1\"}"), ownAllowed, Idempotent: true),
            new("repayment", HttpMethod.Post, (_, _) => At($"{Vault}/repayments", "{\"asset\":\"USDC\",\"amount\":\"1\"}"), ownAllowed, Idempotent: true),
            new("supply", HttpMethod.Post, (_, _) => At($"{Vault}/supplies", "{\"asset\":\"WETH\",\"amount\":\"1\"}"), ownAllowed, Idempotent: true),
            new("redemption", HttpMethod.Post, (_, _) => At($"{Vault}/redemptions", "{\"asset\":\"WETH\",\"amount\":\"1\"}"), ownAllowed, Idempotent: true),
            new("read operation", HttpMethod.Get, (f, _) => At($"{Vault}/operations/{f.DepositOperationId}"), ownOnly),
            new("report exposures", HttpMethod.Put, (_, _) => At($"{Vault}/exposures", $$"""{"exposures":[{{DomainSilo.OptionJson()}},{{DomainSilo.PerpJson()}}]}"""), ownOnly),
            new("read exposures", HttpMethod.Get, (_, _) => At($"{Vault}/exposures"), ownOrOperator),
            new("read health", HttpMethod.Get, (_, _) => At($"{Vault}/health"), ownOrOperator),
            new("read allocation advice", HttpMethod.Get, (_, _) => At($"{Vault}/allocation?predictive=false"), ownOrOperator),
            new("read hedge advice", HttpMethod.Get, (_, _) => At($"{Vault}/hedge"), ownOrOperator),
            new("configure rebalancing", HttpMethod.Put, (_, _) => At($"{Vault}/rebalancing", "{\"autoSell\":false,\"predictive\":false,\"hedge\":false}"), ownOnly),
            new("read rebalancing", HttpMethod.Get, (_, _) => At($"{Vault}/rebalancing"), ownOrOperator),
            new("read pool", HttpMethod.Get, (_, _) => At("/api/pools/WETH"), keyOnly),
            new("read pool limits", HttpMethod.Get, (_, _) => At("/api/pools/USDC/limits"), keyOnly),
            new("set pool limits", HttpMethod.Put, (_, _) => At("/api/operator/pools/USDC/limits", BadInputCases.ValidLimits), operatorOnly),
            new("read oracle", HttpMethod.Get, (_, _) => At("/api/oracles/WETH"), keyOnly),
            new("observe price", HttpMethod.Post, (_, _) => At("/api/oracles/WETH/observations", $$"""{"price":2000,"observedAt":"{{TimeProvider.System.GetUtcNow().AddMilliseconds(-100):O}}"}"""), Rules(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok)),
            new("create key", HttpMethod.Post, (_, _) => At("/api/operator/keys", $$"""{"role":"router","principal":"{{Fresh("az-router")}}"}"""), operatorOnly),
            new("list keys", HttpMethod.Get, (_, _) => At("/api/operator/keys"), operatorOnly),
            new("list protocols", HttpMethod.Get, (_, _) => At("/api/operator/protocols?limit=5"), operatorOnly),
            new("audit", HttpMethod.Get, (_, _) => At("/api/operator/audit"), operatorOnly),
            new("chain index", HttpMethod.Get, (_, _) => At($"/api/operator/chains/{DomainSilo.Chain}/index"), operatorOnly),
            new("chain reconciliation", HttpMethod.Get, (_, _) => At($"/api/operator/chains/{DomainSilo.Chain}/reconciliation"), operatorOnly),
            new("revoke key", HttpMethod.Delete, async (f, caller) =>
            {
                var id = "0000000000000000";
                if (caller == Operator)
                {
                    using var created = await f.Silo.PostAsync("/api/operator/keys", f.Silo.OperatorKey, $$"""{"role":"router","principal":"{{Fresh("az-revoked")}}"}""");
                    id = (await Infrastructure.ApiSilo.ReadJsonAsync(created)).GetProperty("details").GetProperty("keyId").GetString()!;
                }

                return new MatrixTarget($"/api/operator/keys/{id}");
            }, operatorOnly),
            new("faucet", HttpMethod.Post, (_, _) => At("/api/dev/faucet", $$"""{"chain":"{{DomainSilo.Chain}}","token":"USDC","account":"{{DomainSilo.MainAccount}}","amount":"1"}"""), operatorOnly),
        };
        list.AddRange(TransferMatrixRows.All());
        return list;
    }
}
