using System.Diagnostics;
using System.Net;
using Mesh.Runtime.Activation;
using Mesh.Runtime.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Runtime.Transport;

/// <summary>The silo's HTTP/2 endpoint for calls from other silos (Kestrel; h2c, or TLS when a certificate is configured).</summary>
internal sealed class SiloTransportServer(GrainRuntime runtime, ClusterOptions options) : IAsyncDisposable
{
    public const string CallPath = "/mesh/v1/call";
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
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
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
        _app.MapPost(CallPath, HandleAsync);
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

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream((int)(context.Request.ContentLength ?? 256));
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        ReadOnlyMemory<byte> response;
        try
        {
            var envelope = CallEnvelope.Decode(body.GetBuffer().AsSpan(0, (int)body.Length));
            response = await DispatchAsync(envelope);
        }
        catch (InvalidDataException malformed)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(malformed.Message, context.RequestAborted);
            return;
        }

        context.Response.ContentType = ContentType;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
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
}
