using System.Net;
using System.Net.Sockets;
using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Rpc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm.Tests.Evm.Rpc;

/// <summary>Against an endpoint that accepts connections and drops them without an answer.</summary>
public sealed class RpcGatewayTests : IAsyncLifetime, IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private Task _accepting = Task.CompletedTask;

    private Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public Task InitializeAsync()
    {
        _listener.Start();
        _accepting = AcceptAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task ReadAsync_EndpointDropsConnections_RetriesThenThrowsUnavailable()
    {
        using var sut = Gateway(readRetries: 2);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.ReadAsync<string>("eth_blockNumber", CancellationToken.None));

        Assert.Equal(ChainErrorKind.Unavailable, error.Kind);
        Assert.Equal(3, Volatile.Read(ref _connections));
    }

    [Fact]
    public async Task WriteAsync_EndpointDropsConnections_SendsOnceWithoutRetry()
    {
        using var sut = Gateway(readRetries: 2);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.WriteAsync<string>("eth_sendRawTransaction", CancellationToken.None, "0x02"));

        Assert.True(error.IsTransient);
        Assert.Equal(1, Volatile.Read(ref _connections));
    }

    private RpcGateway Gateway(int readRetries) => new(
        "test",
        [Url],
        new EvmChainOptions { ReadRetries = readRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(1), CircuitMinimumThroughput = 100 },
        TimeProvider.System,
        NullLogger.Instance);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
    }
}
