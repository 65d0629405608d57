using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Mesh.Benchmarks;

/// <summary>
/// One batch of deposits through the API: <c>count</c> requests, each with a fresh <c>Idempotency-Key</c>, spread
/// round-robin over the vaults, at most <c>concurrency</c> in flight; every one must answer 202 with its body read.
/// Each request's latency (send to last body byte) is kept.
/// </summary>
internal static class ApiDepositLoad
{
    /// <summary>The amount of every deposit, in WETH base units.</summary>
    public const string Amount = "1000";

    /// <summary>Runs one batch; returns each request's latency in <see cref="Stopwatch"/> ticks.</summary>
    /// <param name="http">The client.</param>
    /// <param name="vaults">The vaults, used in turn.</param>
    /// <param name="batch">A prefix that makes this batch's idempotency keys unique.</param>
    /// <param name="count">How many deposits.</param>
    /// <param name="concurrency">How many in flight at once.</param>
    /// <returns>The latencies, in request order.</returns>
    public static async Task<long[]> RunAsync(HttpClient http, IReadOnlyList<ApiDepositVault> vaults, string batch, int count, int concurrency)
    {
        var latencies = new long[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var vault = vaults[i % vaults.Count];
                using var request = ApiDepositSilo.DepositRequest(vault, string.Create(CultureInfo.InvariantCulture, $"{batch}-{i}"), Amount);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                latencies[i] = Stopwatch.GetTimestamp() - started;
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    throw new InvalidOperationException($"Deposit {batch}-{i} into {vault.ProtocolId}/{vault.Chain}: expected 202, got {(int)response.StatusCode}: {body}");
                }
            }
        })));
        return latencies;
    }
}
