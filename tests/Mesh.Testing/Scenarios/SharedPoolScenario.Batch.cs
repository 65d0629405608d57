using System.Globalization;

namespace Mesh.Testing.Scenarios;

/// <summary>
/// A batch of value-moving requests spread over every silo, in two waves; a test may kill a silo between them (the
/// first wave is then in flight, the second goes out to every silo, the dead one included); then every request is
/// retried with its key on the live silos until it is acknowledged and has completed.
/// </summary>
public sealed partial class SharedPoolScenario
{
    /// <summary>The batch: the lender deposits 4 × 500 USDC; each borrower deposits 2 × 1 WETH, draws 4 × 100 USDC and repays 3 × 50 USDC; interleaved.</summary>
    /// <param name="tag">Makes the idempotency keys unique per batch.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<ScenarioMovement> Batch(string tag)
    {
        List<List<ScenarioMovement>> lanes = [[.. Enumerable.Range(1, 4).Select(i => new ScenarioMovement(Lender, ScenarioMovement.Deposit, "USDC", 500 * UsdcUnit, $"{tag}-{Lender.Id}-dep-{i}"))]];
        foreach (var b in Borrowers)
        {
            lanes.Add([
                .. Enumerable.Range(1, 4).Select(i => new ScenarioMovement(b, ScenarioMovement.Draw, "USDC", 100 * UsdcUnit, $"{tag}-{b.Id}-draw-{i}")),
                .. Enumerable.Range(1, 2).Select(i => new ScenarioMovement(b, ScenarioMovement.Deposit, "WETH", WethUnit, $"{tag}-{b.Id}-dep-{i}")),
                .. Enumerable.Range(1, 3).Select(i => new ScenarioMovement(b, ScenarioMovement.Repay, "USDC", 50 * UsdcUnit, $"{tag}-{b.Id}-repay-{i}")),
            ]);
        }

        var longest = lanes.Max(l => l.Count);
        return [.. Enumerable.Range(0, longest).SelectMany(i => lanes.Where(l => i < l.Count).Select(l => l[i]))];
    }

    /// <summary>
    /// Sends the first half of the batch at once, spread over every silo; once <paramref name="killAfter"/> answers are
    /// in (or the wave is done), runs <paramref name="kill"/>; then sends the second half over every silo again. One
    /// attempt each: the answer, or the connection failure.
    /// </summary>
    /// <param name="batch">The requests.</param>
    /// <param name="kill">Kills a silo, if the test does.</param>
    /// <param name="killAfter">How many answers of the first wave to wait for before the kill.</param>
    /// <returns>The first attempts, in batch order.</returns>
    public async Task<IReadOnlyList<BatchAttempt>> RunBatchAsync(IReadOnlyList<ScenarioMovement> batch, Func<Task>? kill = null, int killAfter = 3)
    {
        var answered = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var silos = _http.Silos;
        async Task<BatchAttempt> Attempt(ScenarioMovement movement, Uri silo, bool afterKill)
        {
            try
            {
                var reply = await SendAsync(movement, silo);
                return new BatchAttempt(movement, silo, reply, null, afterKill);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return new BatchAttempt(movement, silo, null, $"{exception.GetType().Name}: {exception.Message}", afterKill);
            }
            finally
            {
                if (Interlocked.Increment(ref answered) >= killAfter)
                {
                    enough.TrySetResult();
                }
            }
        }

        var half = batch.Count / 2;
        var first = batch.Take(half).Select((m, i) => Attempt(m, silos[i % silos.Count], afterKill: false)).ToList();
        await Task.WhenAny(enough.Task, Task.WhenAll(first));
        if (kill is not null)
        {
            await kill();
            Log($"killed a silo after {Volatile.Read(ref answered)} of {half} first-wave answers");
        }

        var second = batch.Skip(half).Select((m, i) => Attempt(m, silos[(i + 1) % silos.Count], afterKill: kill is not null)).ToList();
        var attempts = await Task.WhenAll(first.Concat(second));
        Log($"batch of {batch.Count}: {Describe(attempts)}");
        return attempts;
    }

    /// <summary>
    /// Retries every request of the batch with its key on the live silos until acknowledged and completed: a request
    /// acknowledged the first time gets that first answer back (<c>Idempotent-Replayed</c>, same status and operation;
    /// or, when its idempotency record died with a silo before it was written, the same operation's own receipt).
    /// Then sends every request once more: each is a replay of the same operation, and nothing moves.
    /// </summary>
    /// <param name="attempts">The first attempts.</param>
    /// <returns>A task.</returns>
    public async Task SettleBatchAsync(IReadOnlyList<BatchAttempt> attempts)
    {
        var operations = await Task.WhenAll(attempts.Select(async attempt =>
        {
            var retry = await AcknowledgedAsync(attempt.Movement);
            if (attempt.Reply is { IsSuccess: true } first)
            {
                // The first answer comes back: replayed from the idempotency record or, when the silo holding that record
                // died after the effect and before the record was written (the middleware logs it), the same operation id
                // run again, which the vault answers from its own record of the operation without moving anything.
                Xunit.Assert.Equal(first.Text("operationId"), retry.Text("operationId"));
                if (retry.Replayed)
                {
                    Xunit.Assert.Equal(first.Status, retry.Status);
                }
                else
                {
                    Xunit.Assert.True(retry.IsSuccess, $"{attempt.Movement}: acknowledged first ({first}); its retry failed ({retry})");
                    if (first.Text("status") == "completed")
                    {
                        Xunit.Assert.Equal(first.Json.GetRawText(), retry.Json.GetRawText());
                    }
                }
            }

            await SettledAsync(attempt.Movement, retry.Text("operationId"));
            return retry.Text("operationId");
        }));
        Xunit.Assert.Equal(attempts.Count, operations.Distinct(StringComparer.Ordinal).Count());

        var again = await Task.WhenAll(attempts.Select(a => AcknowledgedAsync(a.Movement)));
        for (var i = 0; i < attempts.Count; i++)
        {
            Xunit.Assert.True(again[i].Replayed, $"{attempts[i].Movement}: a retry after it completed ran again ({again[i]})");
            Xunit.Assert.Equal(operations[i], again[i].Text("operationId"));
        }

        Log($"batch settled: {attempts.Count} operations completed once each; {again.Length} more retries all replayed");
    }

    private static string Describe(IReadOnlyList<BatchAttempt> attempts) =>
        string.Join(", ", attempts
            .GroupBy(a => a.Reply is { } r ? string.Create(CultureInfo.InvariantCulture, $"{(int)r.Status}") : "no answer")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} × {g.Key}"));
}
