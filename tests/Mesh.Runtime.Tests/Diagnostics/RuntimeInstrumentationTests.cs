using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mesh.Runtime.Diagnostics;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Diagnostics;

[Collection(nameof(TelemetryCollection))]
public sealed class RuntimeInstrumentationTests
{
    [Fact]
    public async Task GrainCall_WithListener_EmitsClientAndServerSpansInOneTraceForNestedCalls()
    {
        using var collector = new SpanCollector(InstrumentNames.SourceName);
        var spans = collector.Spans;
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        using var root = new Activity("test-root").Start();

        await silo.GrainFactory.GetGrain<IPingPongGrain>("trace-a").PingViaInterleaved("trace-b");
        root.Stop();

        var mine = spans.Where(s => s.TraceId == root.TraceId).ToList();
        var outerClient = Assert.Single(mine, s => s.Kind == ActivityKind.Client && s.DisplayName == "IPingPongGrain.PingViaInterleaved");
        var outerServer = Assert.Single(mine, s => s.Kind == ActivityKind.Server && s.DisplayName == "IPingPongGrain.PingViaInterleaved");
        var innerClient = Assert.Single(mine, s => s.Kind == ActivityKind.Client && s.DisplayName == "IPingPongGrain.PongBackInterleaved");
        var innerServer = Assert.Single(mine, s => s.Kind == ActivityKind.Server && s.DisplayName == "IPingPongGrain.PongBackInterleaved");
        Assert.Equal(root.SpanId, outerClient.ParentSpanId);
        Assert.Equal(outerClient.SpanId, outerServer.ParentSpanId);
        Assert.Equal(outerServer.SpanId, innerClient.ParentSpanId);
        Assert.Equal(innerClient.SpanId, innerServer.ParentSpanId);
        Assert.Equal("pingpong/trace-b", innerServer.GetTagItem(InstrumentNames.GrainIdTag));
        Assert.Equal("mesh", innerServer.GetTagItem(InstrumentNames.RpcSystemTag));
    }

    [Fact]
    public async Task GrainCall_WithMeterListener_CountsCallsAndRecordsDurationsAndStorageLatency()
    {
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InstrumentNames.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measurements.AddOrUpdate(i.Name + ".count", 1, (_, old) => old + 1));
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => measurements[i.Name] = v);
        listener.Start();
        await using var silo = await RuntimeFixture.StartSqliteAsync();

        var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("metered");
        for (var i = 0; i < 3; i++)
        {
            await ledger.Credit(1, "m");
        }

        listener.RecordObservableInstruments();

        Assert.True(measurements.GetValueOrDefault(InstrumentNames.Calls) >= 3);
        Assert.True(measurements.GetValueOrDefault(InstrumentNames.CallDuration + ".count") >= 3);
        Assert.True(measurements.GetValueOrDefault(InstrumentNames.StorageDuration + ".count") >= 4, "one read at activation and three writes");
        Assert.True(measurements.GetValueOrDefault(InstrumentNames.Activations) >= 1);
        Assert.True(measurements.ContainsKey(InstrumentNames.MailboxDepth));
    }
}

[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}
