using System.Net;
using static Mesh.Api.Tests.Domain.AccessRule;
using static Mesh.Api.Tests.Domain.Caller;

namespace Mesh.Api.Tests.Domain;

/// <summary>The transfer endpoints of the authorization matrix: routers own their transfers, operators watch them.</summary>
public static class TransferMatrixRows
{
    /// <summary>The rows.</summary>
    /// <returns>Quote, execute, read and cancel (router only), and the operators' two lists.</returns>
    public static IEnumerable<MatrixEndpoint> All()
    {
        var routerOnly = Rules(Unauthorized, Forbidden, Forbidden, Forbidden, Ok, Forbidden);
        var routerAllowed = Rules(Unauthorized, Forbidden, Forbidden, Forbidden, Allowed, Forbidden);
        var operatorOnly = Rules(Unauthorized, Ok, Forbidden, Forbidden, Forbidden, Forbidden);
        yield return new("quote transfer", HttpMethod.Post, async (f, _) =>
        {
            var protocol = await MemberAsync(f);
            return new MatrixTarget($"/api/transfers/{Fresh("az-q")}/quote", QuoteBody(protocol));
        }, routerOnly);
        yield return new("execute transfer", HttpMethod.Post, async (f, caller) => new MatrixTarget($"/api/transfers/{await QuotedAsync(f, caller)}/execute"), routerAllowed, Idempotent: true);
        yield return new("read transfer", HttpMethod.Get, async (f, caller) => new MatrixTarget($"/api/transfers/{await QuotedAsync(f, caller)}"), routerOnly);
        yield return new("cancel transfer", HttpMethod.Post, async (f, caller) => new MatrixTarget($"/api/transfers/{await QuotedAsync(f, caller)}/cancel"), routerOnly);
        yield return new("transfers in flight", HttpMethod.Get, (_, _) => Task.FromResult(new MatrixTarget("/api/operator/transfers")), operatorOnly);
        yield return new("stuck transfers", HttpMethod.Get, (_, _) => Task.FromResult(new MatrixTarget("/api/operator/transfers/stuck")), operatorOnly);
    }

    /// <summary>The body of a quote of 1 USDC of <paramref name="protocol"/> from local-a to local-b within ten minutes.</summary>
    public static string QuoteBody(string protocol, string from = "local-a", string to = "local-b", string amount = "1000000") =>
        $$"""{"protocolId":"{{protocol}}","asset":"USDC","from":"{{from}}","to":"{{to}}","amount":"{{amount}}","deadlineSeconds":600}""";

    /// <summary>A fresh approved protocol on local-a and local-b.</summary>
    public static async Task<string> MemberAsync(DomainSilo fixture)
    {
        var id = Fresh("az-t");
        var join = $$"""{"protocolId":"{{id}}","name":"Transfer {{id}}","chains":["local-a","local-b"],"contact":"ops@example.org","requestedTier":"aggressive","account":"{{DomainSilo.MainAccount}}"}""";
        await DomainSilo.Expect(fixture.Silo.PostAsync("/api/protocols", null, join), HttpStatusCode.Created);
        await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/operator/protocols/{id}/approve", fixture.Silo.OperatorKey, "{}"), HttpStatusCode.OK);
        return id;
    }

    /// <summary>A request id the router has quoted (any id for another caller: it is refused before the transfer is read).</summary>
    private static async Task<string> QuotedAsync(DomainSilo fixture, Caller caller)
    {
        var id = Fresh("az-x");
        if (caller == Router)
        {
            var protocol = await MemberAsync(fixture);
            await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/transfers/{id}/quote", fixture.KeyOf(Router), QuoteBody(protocol)), HttpStatusCode.OK);
        }

        return id;
    }

    private static Dictionary<Caller, AccessRule> Rules(AccessRule anonymous, AccessRule op, AccessRule own, AccessRule other, AccessRule router, AccessRule feeder) =>
        new() { [Anonymous] = anonymous, [Operator] = op, [Protocol] = own, [OtherProtocol] = other, [Router] = router, [Feeder] = feeder };

    private static string Fresh(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
