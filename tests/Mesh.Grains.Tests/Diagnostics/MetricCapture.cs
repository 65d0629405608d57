using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mesh.Grains.Diagnostics;

namespace Mesh.Grains.Tests.Diagnostics;

/// <summary>Listens to the Mesh.Grains meter and keeps every measurement with its tags.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainsDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Name, string? Unit, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>Collects the observable gauges now.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    /// <summary>The values of one instrument whose tag <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public List<double> Values(string name, string tag, string value) =>
        [.. Measurements.Where(m => m.Name == name && m.Tags.TryGetValue(tag, out var v) && Equals(v, value)).Select(m => m.Value)];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        Measurements.Enqueue((instrument.Name, instrument.Unit, value, copy));
    }
}
