using System.Diagnostics;
using System.Net;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Runtime.Transport;

/// <summary>The silo's HTTP/2 endpoint for calls from other silos (Kestrel; h2c, or TLS when a certificate is configured).</summary>
internal sealed class SiloTransportServer(GrainRuntime runtime, ClusterOptions options) : IAsyncDisposable
{
    public const string StreamPath = "/mesh/v1/stream";
    public const string ContentType = "application/x-mesh-call";
    private WebApplication? _app;

    public string Scheme => options.TlsCertificatePath is null ? "http" : "https";

    /// <summary>Starts listening; returns the bound port (useful when <see cref="ClusterOptions.SiloPort"/> is 0).</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Mesh.Silo.Transport" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1024;
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.SiloPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (options.TlsCertificatePath is { } certificate)
                {
                    listen.UseHttps(certificate, options.TlsCertificatePassword);
                }
            });
        });
        _app = builder.Build();
        _app.MapPost(StreamPath, ServeStreamAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    /// <summary>Stops at once, dropping open connections (used by graceful leave after hand-off, and by tests to kill a silo).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var now = new CancellationTokenSource();
            await now.CancelAsync();
            await app.StopAsync(now.Token);
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Serves one call stream: reads request frames as they arrive, runs each call concurrently, and writes response
    /// frames in completion order, batching whatever is ready into one flush.
    /// </summary>
    private async Task ServeStreamAsync(HttpContext context)
    {
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRequestRate)
        {
            minRequestRate.MinDataRate = null;
        }

        if (context.Features.Get<IHttpMinResponseDataRateFeature>() is { } minResponseRate)
        {
            minResponseRate.MinDataRate = null;
        }

        context.Response.ContentType = ContentType;
        await context.Response.StartAsync(context.RequestAborted);
        var responses = Channel.CreateUnbounded<(long Id, ReadOnlyMemory<byte> Payload)>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteResponsesAsync(context.Response.BodyWriter, responses.Reader, context.RequestAborted);
        var inFlight = new InFlightCalls();
        var input = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(context.RequestAborted);
                var buffer = result.Buffer;
                while (Frames.TryRead(ref buffer, out var id, out var payload))
                {
                    inFlight.Add();
                    _ = RespondAsync(id, payload, responses.Writer, inFlight);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidDataException or ConnectionResetException)
        {
            // The calling silo went away (or sent garbage): its pending calls fail on its side.
        }

        await inFlight.DrainAsync();
        responses.Writer.TryComplete();
        await writer;
    }

    private async Task RespondAsync(long id, byte[] payload, ChannelWriter<(long, ReadOnlyMemory<byte>)> responses, InFlightCalls inFlight)
    {
        try
        {
            // Leave the stream's read loop at once: the grain may run inline, and it must not hold up the calls behind it.
            await Task.Yield();
            ReadOnlyMemory<byte> response;
            try
            {
                response = await DispatchAsync(CallEnvelope.Decode(payload));
            }
            catch (Exception exception)
            {
                // Malformed envelope, arguments that do not deserialize, an oversized result: this call fails, the stream goes on.
                response = ResponseEnvelope.Failure(exception);
            }

            responses.TryWrite((id, response));
        }
        finally
        {
            inFlight.Done();
        }
    }

    private static async Task WriteResponsesAsync(PipeWriter output, ChannelReader<(long Id, ReadOnlyMemory<byte> Payload)> responses, CancellationToken cancellationToken)
    {
        try
        {
            while (await responses.WaitToReadAsync(cancellationToken))
            {
                while (responses.TryRead(out var response))
                {
                    Frames.Write(output, response.Id, response.Payload.Span);
                }

                await output.FlushAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ConnectionResetException)
        {
            // The calling silo went away; its pending calls fail on its side.
        }
    }

    private Task<ReadOnlyMemory<byte>> DispatchAsync(CallEnvelope envelope)
    {
        var method = runtime.Registry.FindMethod(envelope.InterfaceName, envelope.MethodId);
        if (method is null)
        {
            return Task.FromResult(ResponseEnvelope.Failure(new GrainTypeNotFoundException($"method {envelope.InterfaceName}.{envelope.MethodId} on silo {runtime.SiloId}")));
        }

        var request = method.CreateRequest();
        request.ReadArguments(new JsonArgumentReader(envelope.Arguments));
        var parent = envelope.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
        return request.InvokeForRemoteAsync(runtime, envelope.GrainId, envelope.Chain, envelope.Timeout, parent);
    }

    /// <summary>Counts the calls of one stream still running, so the stream ends only after their responses are written.</summary>
    private sealed class InFlightCalls
    {
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count = 1;

        public void Add() => Interlocked.Increment(ref _count);

        public void Done()
        {
            if (Interlocked.Decrement(ref _count) == 0)
            {
                _drained.TrySetResult();
            }
        }

        /// <summary>Releases the stream's own count and waits for the calls.</summary>
        public Task DrainAsync()
        {
            Done();
            return _drained.Task;
        }
    }
}
