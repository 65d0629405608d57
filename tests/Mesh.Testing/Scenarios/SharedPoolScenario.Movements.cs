using System.Net;
using Xunit.Sdk;

namespace Mesh.Testing.Scenarios;

/// <summary>Sending a movement until the mesh acknowledges it, and following it until it settles.</summary>
public sealed partial class SharedPoolScenario
{
    /// <summary>Sends a movement (retrying on the live silos with the same key) until acknowledged, waits until it completes and records it.</summary>
    /// <param name="movement">The movement.</param>
    /// <returns>The acknowledgement.</returns>
    public async Task<MeshReply> CompleteAsync(ScenarioMovement movement)
    {
        var reply = await AcknowledgedAsync(movement);
        await SettledAsync(movement, reply.Text("operationId"));
        return reply;
    }

    /// <summary>One attempt of a movement on one silo.</summary>
    /// <param name="movement">The movement.</param>
    /// <param name="silo">The silo.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">No connection, or it broke.</exception>
    public Task<MeshReply> SendAsync(ScenarioMovement movement, Uri silo) =>
        _http.SendAsync(silo, HttpMethod.Post, $"{movement.Protocol.Vault(Chain)}/{movement.Kind}", movement.Protocol.Key, movement.Body(), movement.IdempotencyKey);

    /// <summary>
    /// Sends a movement round-robin over the live silos until one answers 2xx. A connection failure or timeout, a 503,
    /// an idempotency key still in progress (409) or a lost state race (409) is retried; any other answer fails the test.
    /// </summary>
    /// <param name="movement">The movement.</param>
    /// <returns>The 2xx answer.</returns>
    public async Task<MeshReply> AcknowledgedAsync(ScenarioMovement movement)
    {
        MeshReply? acknowledged = null;
        var last = "nothing yet";
        await UntilAsync(
            async () =>
            {
                try
                {
                    var reply = await SendAsync(movement, _http.NextLive());
                    if (reply.IsSuccess)
                    {
                        acknowledged = reply;
                        return true;
                    }

                    last = reply.ToString();
                    var code = reply.Json.ValueKind == System.Text.Json.JsonValueKind.Object && reply.Json.TryGetProperty("code", out var c) ? c.GetString() : null;
                    Xunit.Assert.True(
                        reply.Status == HttpStatusCode.ServiceUnavailable || (reply.Status == HttpStatusCode.Conflict && code is "idempotency.in_progress" or "state.conflict"),
                        $"{movement}: an answer a retry cannot change: {reply}");
                    return false;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    last = exception.Message;
                    return false;
                }
            },
            () => $"{movement} is acknowledged (last answer: {last})",
            TimeSpan.FromSeconds(60));
        return acknowledged!;
    }

    /// <summary>Follows a movement's operation until it is no longer pending; it must have completed as sent. Records it in the ledger.</summary>
    /// <param name="movement">The movement.</param>
    /// <param name="operationId">Its operation.</param>
    /// <returns>A task.</returns>
    public async Task SettledAsync(ScenarioMovement movement, string operationId)
    {
        MeshReply? read = null;
        await UntilAsync(
            async () =>
            {
                try
                {
                    read = await _http.SendAsync(HttpMethod.Get, $"{movement.Protocol.Vault(Chain)}/operations/{operationId}", movement.Protocol.Key);
                    return read.Status == HttpStatusCode.OK && read.Text("status") != "pending";
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            () => $"{movement} (operation {operationId}) settles (last read: {read})",
            // An operation cut by the kill settles when its pool answers again: after the dead silo's directory range
            // is recovered and the vault's retry (or its resume reminder, once the reminder ring has moved) runs. On a
            // loaded CI machine that has taken more than a minute; three bound it with room.
            TimeSpan.FromSeconds(180));
        Xunit.Assert.True(read!.Text("status") == "completed", $"{movement}: {read}");
        Xunit.Assert.Equal(movement.Asset, read.Text("asset"));
        Xunit.Assert.Equal(movement.Amount, UInt128.Parse(read.Text("amount"), System.Globalization.CultureInfo.InvariantCulture));
        Ledger.Complete(movement);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Func<string> because, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(condition, "the condition below holds", timeout);
        }
        catch (XunitException)
        {
            throw new XunitException($"Timed out after {timeout.TotalSeconds:F0} s waiting until {because()}.");
        }
    }
}
