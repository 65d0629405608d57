using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mesh.Chains.Evm.Local;

/// <summary>
/// Quick, single-attempt JSON-RPC questions to a node for start-up checks and local set-ups (is it up, which chain,
/// is a contract deployed); no retries or circuit breaker, unlike the chain client.
/// </summary>
public sealed class EvmNodeProbe : IDisposable
{
    private readonly HttpClient _http;
    private int _id;

    /// <summary>Creates a probe.</summary>
    /// <param name="timeout">How long one call may take.</param>
    public EvmNodeProbe(TimeSpan timeout)
    {
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { Timeout = timeout };
    }

    /// <summary>The chain id the node at <paramref name="url"/> reports, or <see langword="null"/> with the reason when it does not answer.</summary>
    /// <param name="url">The RPC URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chain id, or the reason there is none.</returns>
    public async Task<(ulong? ChainId, string? Failure)> ChainIdAsync(Uri url, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await CallAsync(url, "eth_chainId", [], cancellationToken).ConfigureAwait(false);
            return (ParseQuantity(result.GetString()), null);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.InnerException?.Message ?? exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {_http.Timeout.TotalSeconds:F0} s");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, $"not a JSON-RPC answer ({exception.Message})");
        }
    }

    /// <summary>Whether an address holds contract code at the latest block.</summary>
    /// <param name="url">The RPC URL.</param>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether code is deployed there.</returns>
    /// <exception cref="HttpRequestException">The node does not answer.</exception>
    public async Task<bool> HasCodeAsync(Uri url, string address, CancellationToken cancellationToken = default)
    {
        // A read, so safe to repeat: a node that has just started may drop a connection it accepted before it serves
        // (seen as "the response ended prematurely"); it is asked again twice, a quarter of a second apart.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var code = (await CallAsync(url, "eth_getCode", [address, "latest"], cancellationToken).ConfigureAwait(false)).GetString();
                return code is { Length: > 2 };
            }
            catch (HttpRequestException e) when (attempt < 3 && e.InnerException is IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Calls a method and returns its result.</summary>
    /// <param name="url">The RPC URL.</param>
    /// <param name="method">The method, e.g. <c>evm_setIntervalMining</c>.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="HttpRequestException">The node does not answer.</exception>
    /// <exception cref="InvalidOperationException">The node answered with an error.</exception>
    public async Task<JsonElement> CallAsync(Uri url, string method, object[] parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = new { jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters };
        using var response = await _http.PostAsJsonAsync(url, request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return document.RootElement.TryGetProperty("error", out var error)
            ? throw new InvalidOperationException($"{method} failed: {error}")
            : document.RootElement.GetProperty("result").Clone();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static ulong ParseQuantity(string? hex) =>
        hex is { Length: > 2 } && hex.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.Parse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{hex}' is not a hex quantity");
}
