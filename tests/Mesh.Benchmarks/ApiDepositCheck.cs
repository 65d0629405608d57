using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Mesh.Benchmarks;

/// <summary>
/// What makes the deposit benchmark's number mean something, checked outside the timed part: a deposit is
/// readable, becomes final, and an idempotent retry gets the first answer; and, after the silo is killed, every
/// acknowledged deposit is in the SQLite file.
/// </summary>
internal static class ApiDepositCheck
{
    /// <summary>
    /// One deposit; its retry with the same key (replayed, the same body); the same key with another amount (422);
    /// the operation read back and polled until completed. Throws on any difference.
    /// </summary>
    /// <returns>A line describing what was checked.</returns>
    public static async Task<string> RetryAndReadBackAsync(HttpClient http, ApiDepositVault vault, CancellationToken cancellationToken)
    {
        const string Key = "check-retry";
        var (first, firstBody) = await ApiDepositSilo.ExpectAsync(http, ApiDepositSilo.DepositRequest(vault, Key, ApiDepositLoad.Amount), HttpStatusCode.Accepted, cancellationToken);
        var (retry, retryBody) = await ApiDepositSilo.ExpectAsync(http, ApiDepositSilo.DepositRequest(vault, Key, ApiDepositLoad.Amount), HttpStatusCode.Accepted, cancellationToken);
        using (first)
        using (retry)
        {
            if (retryBody != firstBody || !retry.Headers.TryGetValues("Idempotent-Replayed", out var replayed) || replayed.Single() != "true"
                || retry.Headers.Location != first.Headers.Location)
            {
                throw new InvalidOperationException($"The retry did not replay the first answer: first {firstBody}, retry {retryBody} ({retry.Headers}).");
            }
        }

        var (reused, _) = await ApiDepositSilo.ExpectAsync(http, ApiDepositSilo.DepositRequest(vault, Key, "2000"), HttpStatusCode.UnprocessableEntity, cancellationToken);
        reused.Dispose();

        using var receipt = JsonDocument.Parse(firstBody);
        var operationId = receipt.RootElement.GetProperty("operationId").GetString()!;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (read, readBody) = await ApiDepositSilo.ExpectAsync(http, new HttpRequestMessage(HttpMethod.Get, vault.OperationPath(operationId)) { Headers = { Authorization = new("Bearer", vault.Key) } }, HttpStatusCode.OK, cancellationToken);
            read.Dispose();
            using var operation = JsonDocument.Parse(readBody);
            var root = operation.RootElement;
            if (root.GetProperty("operationId").GetString() != operationId || root.GetProperty("amount").GetString() != ApiDepositLoad.Amount || root.GetProperty("kind").GetString() != "deposit")
            {
                throw new InvalidOperationException($"The operation read back is not the deposit: {readBody}");
            }

            if (root.GetProperty("status").GetString() == "completed")
            {
                return $"retry replayed the first 202 (same body and Location, Idempotent-Replayed: true); the same key with another amount got 422; the operation read back and completed on the chain after {clock.Elapsed.TotalSeconds:F1} s";
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"The deposit did not complete within 60 s: {readBody}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Counts what the SQLite file holds (open it after the silo is gone): deposit operations in vault states and recorded 202 answers.</summary>
    /// <returns>The number of deposit operations and of idempotency records holding a 202.</returns>
    public static async Task<(long Deposits, long Recorded202)> CountAsync(string databaseFile, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return (await ScalarAsync(connection, """
                SELECT count(*) FROM mesh_grain_state AS g, json_each(g.payload, '$.operations') AS o
                WHERE g.state_name = 'vault' AND json_extract(o.value, '$.kind') = 'deposit'
                """, cancellationToken),
            await ScalarAsync(connection, """
                SELECT count(*) FROM mesh_grain_state
                WHERE state_name = 'idempotency' AND json_extract(payload, '$.statusCode') = 202
                """, cancellationToken));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
