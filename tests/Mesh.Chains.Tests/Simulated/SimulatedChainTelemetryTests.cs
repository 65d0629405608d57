using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mesh.Chains.Clients;
using Mesh.Chains.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainTelemetryTests
{
    [Fact]
    public async Task Calls_Recorded_CounterAndDurationTaggedWithChainMethodAndError()
    {
        var chainName = $"sim-telemetry-{Guid.NewGuid():N}"[..30];
        var calls = new List<(string Method, string? Error)>();
        var durations = new List<(string Method, double Seconds)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChainsDiagnostics.Name && instrument.Name is ChainsDiagnostics.RpcCalls or ChainsDiagnostics.RpcDuration)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var t = Tags(tags);
            if (Equals(t.GetValueOrDefault(ChainsDiagnostics.ChainTag), chainName))
            {
                lock (calls)
                {
                    calls.Add(((string)t[ChainsDiagnostics.MethodTag]!, (string?)t.GetValueOrDefault(ChainsDiagnostics.ErrorTypeTag)));
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var t = Tags(tags);
            if (Equals(t.GetValueOrDefault(ChainsDiagnostics.ChainTag), chainName))
            {
                lock (durations)
                {
                    durations.Add(((string)t[ChainsDiagnostics.MethodTag]!, value));
                }
            }
        });
        listener.Start();
        var time = new FakeTimeProvider();
        var sut = TestChain.Create(time, name: chainName);

        await sut.GetHeadAsync();
        sut.FailNextCalls(1, ChainErrorKind.Timeout);
        await Assert.ThrowsAsync<ChainClientException>(() => sut.GetOperationAsync(OperationId.FromName("x")));
        sut.SetLatency(TimeSpan.FromMilliseconds(1500));
        var slow = sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice);
        time.Advance(TimeSpan.FromMilliseconds(1500));
        await slow;

        Assert.Equal(
            [(ChainRpcMethods.GetHead, null), (ChainRpcMethods.GetOperation, ChainErrorCodes.Timeout), (ChainRpcMethods.GetBalance, null)],
            calls);
        Assert.Equal([ChainRpcMethods.GetHead, ChainRpcMethods.GetOperation, ChainRpcMethods.GetBalance], durations.Select(d => d.Method));
        Assert.Equal(1.5, durations[2].Seconds, 1e-9);
    }

    [Fact]
    public async Task Calls_WithListener_OneClientActivityPerCall()
    {
        var chainName = $"sim-trace-{Guid.NewGuid():N}"[..30];
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChainsDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem(ChainsDiagnostics.ChainTag), chainName))
                {
                    lock (activities)
                    {
                        activities.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var sut = TestChain.Create(new FakeTimeProvider(), name: chainName);

        await sut.GetFinalizedHeadAsync();
        sut.FailNextCalls(1);
        await Assert.ThrowsAsync<ChainClientException>(() => sut.GetHeadAsync());

        Assert.Equal(["chain get_finalized_head", "chain get_head"], activities.Select(a => a.DisplayName));
        Assert.All(activities, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.Equal(ActivityStatusCode.Error, activities[1].Status);
        Assert.Equal(ChainErrorCodes.Unavailable, activities[1].GetTagItem(ChainsDiagnostics.ErrorTypeTag));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
