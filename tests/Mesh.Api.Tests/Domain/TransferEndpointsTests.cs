using System.Net;

namespace Mesh.Api.Tests.Domain;

/// <summary>A router's transfer through the API: quote, repeat, conflict, cancel, and what operators see.</summary>
[Collection(DomainSiloCollection.Name)]
public sealed class TransferEndpointsTests(DomainSilo fixture)
{
    [Fact]
    public void BadInputTable_CoversEveryTransferEndpoint()
    {
        foreach (var endpoint in new[] { "transfer quote", "transfer execute", "transfer status", "transfer cancel" })
        {
            Assert.True(BadInputCases.All.Keys.Count(k => k.StartsWith(endpoint + ":", StringComparison.Ordinal)) >= 3, endpoint);
        }
    }

    [Fact]
    public async Task Quote_SameRequestTwiceThenAnother_SameQuoteThenConflict()
    {
        var protocol = await TransferMatrixRows.MemberAsync(fixture);
        var path = $"/api/transfers/tq-{Guid.NewGuid():N}/quote";
        var router = fixture.KeyOf(Caller.Router);

        var first = await DomainSilo.Expect(fixture.Silo.PostAsync(path, router, TransferMatrixRows.QuoteBody(protocol)), HttpStatusCode.OK);
        var again = await DomainSilo.Expect(fixture.Silo.PostAsync(path, router, TransferMatrixRows.QuoteBody(protocol)), HttpStatusCode.OK);
        var conflict = await DomainSilo.Expect(fixture.Silo.PostAsync(path, router, TransferMatrixRows.QuoteBody(protocol, amount: "2000000")), HttpStatusCode.Conflict);

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal("999500", first.GetProperty("delivered").GetString());
        Assert.Equal("500", first.GetProperty("fee").GetString());
        Assert.Equal("local-a → local-b", first.GetProperty("path").GetString());
        Assert.Equal("transfer.conflict", conflict.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cancel_QuotedTransfer_FailsItAndExecuteIsThenRefused()
    {
        var protocol = await TransferMatrixRows.MemberAsync(fixture);
        var id = $"tc-{Guid.NewGuid():N}";
        var router = fixture.KeyOf(Caller.Router);
        await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/transfers/{id}/quote", router, TransferMatrixRows.QuoteBody(protocol)), HttpStatusCode.OK);

        var cancelled = await DomainSilo.Expect(fixture.Silo.SendAsync(HttpMethod.Post, $"/api/transfers/{id}/cancel", router), HttpStatusCode.OK);
        var execute = await DomainSilo.Expect(fixture.Silo.SendAsync(HttpMethod.Post, $"/api/transfers/{id}/execute", router, idempotencyKey: "tc-" + id), HttpStatusCode.Conflict);

        Assert.Equal("failed", cancelled.GetProperty("phase").GetString(), ignoreCase: true);
        Assert.Equal("transfer.cancelled", cancelled.GetProperty("reason").GetString());
        Assert.Equal("transfer.cancelled", execute.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Execute_DestinationBridgeEmpty_RefusedWithTheReasonAndNotInFlight()
    {
        var protocol = await TransferMatrixRows.MemberAsync(fixture);
        var id = $"te-{Guid.NewGuid():N}";
        var router = fixture.KeyOf(Caller.Router);
        await DomainSilo.Expect(fixture.Silo.PostAsync($"/api/transfers/{id}/quote", router, TransferMatrixRows.QuoteBody(protocol)), HttpStatusCode.OK);

        var refused = await DomainSilo.Expect(fixture.Silo.SendAsync(HttpMethod.Post, $"/api/transfers/{id}/execute", router, idempotencyKey: "te-" + id), HttpStatusCode.UnprocessableEntity);
        var status = await DomainSilo.Expect(fixture.Silo.GetAsync($"/api/transfers/{id}", router), HttpStatusCode.OK);
        var inFlight = await DomainSilo.Expect(fixture.Silo.GetAsync("/api/operator/transfers", fixture.Silo.OperatorKey), HttpStatusCode.OK);

        Assert.Equal("inventory.insufficient", refused.GetProperty("code").GetString());
        Assert.Equal("failed", status.GetProperty("phase").GetString(), ignoreCase: true);
        Assert.DoesNotContain(inFlight.EnumerateArray(), t => t.GetProperty("requestId").GetString()!.EndsWith(id, StringComparison.Ordinal));
    }
}
