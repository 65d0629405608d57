using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mesh.Runtime.Activation;

namespace Mesh.Runtime.Diagnostics;

/// <summary>The runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Mesh.Runtime</c>.</summary>
internal sealed class RuntimeInstrumentation : IDisposable
{
    public const string Name = "Mesh.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _activationsCreated;
    private readonly Histogram<double> _activationDuration;
    private readonly Histogram<double> _storageDuration;
    private readonly KeyValuePair<string, object?> _silo;

    public RuntimeInstrumentation(IMeterFactory meterFactory, Func<Catalog?> catalog, string siloId)
    {
        _silo = new(InstrumentNames.SiloTag, siloId);
        _meter = meterFactory.Create(Name);
        _calls = _meter.CreateCounter<long>(InstrumentNames.Calls, "{call}", "Grain calls issued.");
        _callDuration = _meter.CreateHistogram<double>(InstrumentNames.CallDuration, "s", "Grain call duration, caller side.");
        _activationsCreated = _meter.CreateCounter<long>(InstrumentNames.ActivationsCreated, "{activation}", "Activations created.");
        _activationDuration = _meter.CreateHistogram<double>(InstrumentNames.ActivationDuration, "s", "Time to activate a grain (state read and OnActivateAsync).");
        _storageDuration = _meter.CreateHistogram<double>(InstrumentNames.StorageDuration, "s", "Grain storage operation duration.");
        _meter.CreateObservableUpDownCounter(InstrumentNames.Activations, () => new Measurement<int>(catalog()?.Count ?? 0, _silo), "{activation}", "Live activations.");
        _meter.CreateObservableGauge(InstrumentNames.MailboxDepth, () => new Measurement<int>(catalog()?.TotalPending() ?? 0, _silo), "{message}", "Messages waiting in activation mailboxes.");
    }

    public static ActivitySource ActivitySource { get; } = new(Name, "1.0");

    public bool CallDurationEnabled => _callDuration.Enabled;

    public static Activity? StartClientSpan(GrainId grainId, string method)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(method, ActivityKind.Client);
        activity?.SetTag(InstrumentNames.RpcSystemTag, "mesh");
        activity?.SetTag(InstrumentNames.RpcMethodTag, method);
        activity?.SetTag(InstrumentNames.GrainIdTag, grainId.ToString());
        return activity;
    }

    public static Activity? StartServerSpan(GrainId grainId, string method, ActivityContext parent)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(method, ActivityKind.Server, parent);
        activity?.SetTag(InstrumentNames.RpcSystemTag, "mesh");
        activity?.SetTag(InstrumentNames.RpcMethodTag, method);
        activity?.SetTag(InstrumentNames.GrainIdTag, grainId.ToString());
        return activity;
    }

    public void CallIssued(string method)
    {
        if (_calls.Enabled)
        {
            _calls.Add(1, new KeyValuePair<string, object?>(InstrumentNames.RpcMethodTag, method), _silo);
        }
    }

    public void CallCompleted(string method, TimeSpan duration, bool failed) =>
        _callDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>(InstrumentNames.RpcMethodTag, method),
            new KeyValuePair<string, object?>(InstrumentNames.OutcomeTag, failed ? "error" : "ok"),
            _silo);

    public void ActivationCreated(TimeSpan duration)
    {
        _activationsCreated.Add(1, _silo);
        _activationDuration.Record(duration.TotalSeconds, _silo);
    }

    public void StorageOperation(string provider, string operation, TimeSpan duration) =>
        _storageDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>(InstrumentNames.DbSystemTag, provider),
            new KeyValuePair<string, object?>(InstrumentNames.DbOperationTag, operation),
            _silo);

    public void Dispose() => _meter.Dispose();
}
