using System.Net;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Idempotency;

/// <summary>The idempotency record is durable: it survives a restart, and a request whose silo died is retried after the lease.</summary>
public sealed class IdempotencyDurabilityTests : IDisposable
{
    private readonly string _folder = ApiSilo.NewFolder();

    [Fact]
    public async Task Deposit_RetriedAfterSiloRestart_ReplaysFirstResponseAndMovesValueOnce()
    {
        string firstBody;
        await using (var silo = await ApiSilo.StartAsync(_folder))
        {
            using var first = await silo.PostAsync("test/api/deposits/durable", silo.OperatorKey, """{"amount":"11"}""", "restart-1");
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            firstBody = await first.Content.ReadAsStringAsync();
            await silo.StopAsync();
        }

        await using var restarted = await ApiSilo.StartAsync(_folder);
        using var retry = await restarted.PostAsync("test/api/deposits/durable", restarted.OperatorKey, """{"amount":"11"}""", "restart-1");
        using var balance = await restarted.GetAsync("test/api/deposits/durable", restarted.OperatorKey);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(11, (await ApiSilo.ReadJsonAsync(balance)).GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Deposit_SiloKilledInFlight_RetryRunsAfterTheLeaseWithTheSameOperationId()
    {
        const string Lease = "--Mesh:Api:IdempotencyLease=00:00:20";
        const string Body = """{"amount":"4","gate":"held"}""";
        string operatorKey;
        await using (var silo = await ApiSilo.StartAsync(_folder, Lease))
        {
            operatorKey = silo.OperatorKey;
            var inFlight = silo.PostAsync("test/api/deposits/killed", operatorKey, Body, "kill-1");
            await Eventually.TrueAsync(
                async () => (await ApiSilo.ReadJsonAsync(await silo.GetAsync("test/gates/held", null))).GetProperty("waiting").GetInt32() == 1,
                "the request is in flight");
            await silo.Process.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => inFlight);
        }

        await using var restarted = await ApiSilo.StartAsync(_folder, Lease);
        using (await restarted.PostAsync("test/gates/held/open", null, "{}"))
        {
        }

        using var early = await restarted.PostAsync("test/api/deposits/killed", operatorKey, Body, "kill-1");
        HttpResponseMessage? retried = null;
        await Eventually.TrueAsync(
            async () =>
            {
                retried?.Dispose();
                retried = await restarted.PostAsync("test/api/deposits/killed", operatorKey, Body, "kill-1");
                return retried.StatusCode != HttpStatusCode.Conflict;
            },
            "the lease of the killed attempt ends",
            TimeSpan.FromSeconds(60));
        var result = await ApiSilo.ReadJsonAsync(retried!);
        retried!.Dispose();

        await ProblemAssert.AssertAsync(early, HttpStatusCode.Conflict, "idempotency.in_progress", "Idempotency-Key");
        Assert.True(early.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromSeconds(20));
        Assert.Equal(4, result.GetProperty("balance").GetInt64());
        Assert.Equal(2, result.GetProperty("attempt").GetInt32());
        var scope = "operator:" + operatorKey.Split('_')[1];
        Assert.Equal(Mesh.Api.Idempotency.IdempotencyScope.OperationId(scope, "kill-1"), result.GetProperty("operationId").GetGuid());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
