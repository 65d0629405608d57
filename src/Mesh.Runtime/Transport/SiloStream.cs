using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;

namespace Mesh.Runtime.Transport;

/// <summary>
/// One full-duplex HTTP/2 stream to another silo. Calls are queued, written in batches (one flush per batch) as request
/// frames, and completed as response frames arrive, in any order. When the stream breaks, calls that were never
/// written fail as "unreachable" (safe to retry); calls that were written fail as "may have run".
/// </summary>
internal sealed class SiloStream : IAsyncDisposable
{
    private readonly Channel<(long Id, PendingCall Call)> _outgoing = Channel.CreateUnbounded<(long, PendingCall)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly Uri _silo;
    private long _nextId;
    private volatile Exception? _failure;

    private SiloStream(Uri silo) => _silo = silo;

    public bool IsBroken => _failure is not null;

    public static SiloStream Open(HttpClient http, Uri silo)
    {
        var stream = new SiloStream(silo);
        _ = stream.RunAsync(http);
        return stream;
    }

    public Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, out long id)
    {
        var call = new PendingCall(request);
        id = Interlocked.Increment(ref _nextId);
        _pending[id] = call;
        if (_failure is { } failure || !_outgoing.Writer.TryWrite((id, call)))
        {
            _pending.TryRemove(id, out _);
            call.Fail(new SiloUnreachableException($"The stream to silo {_silo} is closed (the call was not sent): {_failure?.Message}", _failure));
        }

        return call.Response;
    }

    /// <summary>Stops waiting for a call whose caller gave up (deadline or cancellation); a late response is dropped.</summary>
    public void Forget(long id) => _pending.TryRemove(id, out _);

    public async ValueTask DisposeAsync()
    {
        Fail(new SiloUnreachableException($"The stream to silo {_silo} was closed by this silo."));
        await _closed.CancelAsync();
    }

    private async Task RunAsync(HttpClient http)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_silo, SiloTransportServer.StreamPath.TrimStart('/')))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new FrameStreamContent(_outgoing.Reader),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _closed.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SiloUnreachableException($"Silo {_silo} refused the call stream with HTTP {(int)response.StatusCode}.");
            }

            var body = PipeReader.Create(await response.Content.ReadAsStreamAsync(_closed.Token).ConfigureAwait(false));
            while (true)
            {
                var result = await body.ReadAsync(_closed.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (Frames.TryRead(ref buffer, out var id, out var payload))
                {
                    if (_pending.TryRemove(id, out var call))
                    {
                        call.Complete(payload);
                    }
                }

                body.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    throw new IOException($"Silo {_silo} closed the call stream.");
                }
            }
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
    }

    private void Fail(Exception exception)
    {
        _failure ??= exception;
        _outgoing.Writer.TryComplete();
        while (_outgoing.Reader.TryRead(out _))
        {
        }

        foreach (var (id, call) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                call.Fail(!call.TryAbandonUnsent()
                    ? new SiloUnavailableException($"The stream to silo {_silo} broke while the call was in flight; it may or may not have run: {exception.Message}", exception)
                    : new SiloUnreachableException($"Silo {_silo} is unreachable (the call was not sent): {exception.Message}", exception));
            }
        }
    }

    /// <summary>The request body: frames written as they are queued, one flush per batch.</summary>
    private sealed class FrameStreamContent(ChannelReader<(long Id, PendingCall Call)> outgoing) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var batch = new ArrayBufferWriter<byte>(4096);
            while (await outgoing.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.ResetWrittenCount();
                while (batch.WrittenCount < 256 * 1024 && outgoing.TryRead(out var item))
                {
                    if (item.Call.TryMarkWritten())
                    {
                        Frames.Write(batch, item.Id, item.Call.Request.Span);
                    }
                }

                await stream.WriteAsync(batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
