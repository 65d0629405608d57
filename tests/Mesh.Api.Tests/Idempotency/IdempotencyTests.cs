using System.Net;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing;

namespace Mesh.Api.Tests.Idempotency;

[Collection(SharedSiloCollection.Name)]
public sealed class IdempotencyTests(SharedSilo shared)
{
    private readonly ApiSilo _silo = shared.Silo;

    [Fact]
    public async Task Deposit_NoIdempotencyKey_Is400KeyRequiredAndMovesNothing()
    {
        var account = NewAccount();

        using var response = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, """{"amount":"5"}""");

        await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "idempotency.key_required", "Idempotency-Key");
        Assert.Equal(0, await OperationsAsync(account));
    }

    [Fact]
    public async Task Deposit_RetriedWithSameKeyAndBody_ReplaysFirstResponseAndMovesValueOnce()
    {
        var account = NewAccount();
        var key = await _silo.CreateKeyAsync("router", "replayer");

        using var first = await _silo.PostAsync($"test/api/deposits/{account}", key, """{"amount":"5"}""", "dep-1");
        using var second = await _silo.PostAsync($"test/api/deposits/{account}", key, """{"amount":"5"}""", "dep-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await OperationsAsync(account));
        Assert.Equal(5, await BalanceAsync(account));
    }

    [Fact]
    public async Task Deposit_SameKeyOtherBody_Is422KeyReused()
    {
        var account = NewAccount();
        using var first = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, """{"amount":"5"}""", "reuse-1");

        using var other = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, """{"amount":"6"}""", "reuse-1");
        using var otherPath = await _silo.PostAsync($"test/api/deposits/{account}-b", _silo.OperatorKey, """{"amount":"5"}""", "reuse-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.AssertAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused", "Idempotency-Key");
        await ProblemAssert.AssertAsync(otherPath, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused", "Idempotency-Key");
        Assert.Equal(5, await BalanceAsync(account));
    }

    [Fact]
    public async Task Deposit_SameKeyOtherPrincipal_IsAnIndependentOperation()
    {
        var account = NewAccount();
        var a = await _silo.CreateKeyAsync("router", "router-a");
        var b = await _silo.CreateKeyAsync("router", "router-b");

        using var first = await _silo.PostAsync($"test/api/deposits/{account}", a, """{"amount":"5"}""", "shared-key");
        using var second = await _silo.PostAsync($"test/api/deposits/{account}", b, """{"amount":"5"}""", "shared-key");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(10, await BalanceAsync(account));
    }

    [Fact]
    public async Task Deposit_DuplicateWhileFirstInFlight_Is409WithRetryAfterThenReplays()
    {
        var account = NewAccount();
        var gate = "gate-" + account;
        var body = $$"""{"amount":"7","gate":"{{gate}}"}""";
        var first = _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, body, "inflight-1");
        await Eventually.TrueAsync(async () => (await Json($"test/gates/{gate}")).GetProperty("waiting").GetInt32() == 1, "the first request waits at its gate");

        using var duplicate = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, body, "inflight-1");
        using (await _silo.PostAsync($"test/gates/{gate}/open", null, "{}"))
        {
        }

        using var completed = await first;
        using var replay = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, body, "inflight-1");

        await ProblemAssert.AssertAsync(duplicate, HttpStatusCode.Conflict, "idempotency.in_progress", "Idempotency-Key");
        Assert.True(duplicate.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        Assert.Equal(await completed.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(7, await BalanceAsync(account));
    }

    [Fact]
    public async Task Deposit_RefusedBodyThenCorrected_SameKeyRunsTheCorrectedRequest()
    {
        var account = NewAccount();

        using var refused = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, """{"amount":5}""", "corrected-1");
        using var corrected = await _silo.PostAsync($"test/api/deposits/{account}", _silo.OperatorKey, """{"amount":"5"}""", "corrected-1");

        await ProblemAssert.AssertAsync(refused, HttpStatusCode.BadRequest, "request.invalid_amount", "amount");
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(5, await BalanceAsync(account));
    }

    [Fact]
    public async Task Refusal_RetriedWithSameKey_ReplaysTheRecordedProblem()
    {
        using var first = await _silo.PostAsync("test/api/refusals", _silo.OperatorKey, """{"amount":"3"}""", "refusal-replay");
        using var second = await _silo.PostAsync("test/api/refusals", _silo.OperatorKey, """{"amount":"3"}""", "refusal-replay");

        await ProblemAssert.AssertAsync(first, HttpStatusCode.UnprocessableEntity, "test.cap_reached", "amount");
        await ProblemAssert.AssertAsync(second, HttpStatusCode.UnprocessableEntity, "test.cap_reached", "amount");
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task StateConflict_RetriedWithSameKey_RunsAgainInsteadOfReplayingTheConflict()
    {
        var key = "conflict-" + Guid.NewGuid().ToString("N")[..8];

        using var first = await _silo.PostAsync("test/api/conflicts", _silo.OperatorKey, """{"amount":"3"}""", key);
        using var otherBody = await _silo.PostAsync("test/api/conflicts", _silo.OperatorKey, """{"amount":"4"}""", key);
        using var retry = await _silo.PostAsync("test/api/conflicts", _silo.OperatorKey, """{"amount":"3"}""", key);
        using var again = await _silo.PostAsync("test/api/conflicts", _silo.OperatorKey, """{"amount":"3"}""", key);

        await ProblemAssert.AssertAsync(first, HttpStatusCode.Conflict, "state.conflict", null);
        await ProblemAssert.AssertAsync(otherBody, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Theory]
    [InlineData("has space", 1)]
    [InlineData("k", 256)]
    public async Task Deposit_InvalidIdempotencyKey_Is400(string part, int repeat)
    {
        var idempotencyKey = string.Concat(Enumerable.Repeat(part, repeat));

        using var response = await _silo.PostAsync($"test/api/deposits/{NewAccount()}", _silo.OperatorKey, """{"amount":"5"}""", idempotencyKey);

        await ProblemAssert.AssertAsync(response, HttpStatusCode.BadRequest, "idempotency.key_invalid", "Idempotency-Key");
    }

    private static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N");

    private async Task<System.Text.Json.JsonElement> Json(string path)
    {
        using var response = await _silo.GetAsync(path, _silo.OperatorKey);
        return await ApiSilo.ReadJsonAsync(response);
    }

    private async Task<int> OperationsAsync(string account) => (await Json($"test/api/deposits/{account}")).GetProperty("operations").GetInt32();

    private async Task<long> BalanceAsync(string account) => (await Json($"test/api/deposits/{account}")).GetProperty("balance").GetInt64();
}
