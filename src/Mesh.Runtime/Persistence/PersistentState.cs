using System.Globalization;
using System.Text.Json;
using Mesh.Runtime.Activation;

namespace Mesh.Runtime.Persistence;

/// <summary>An activation's view of one stored state.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IStateLoader
{
    private readonly ActivationData _activation;
    private readonly IGrainStorage _storage;
    private readonly GrainStateKey _key;

    public PersistentState(ActivationData activation, IGrainStorage storage, string stateName)
    {
        _activation = activation;
        _storage = storage;
        _key = new GrainStateKey(activation.GrainId.Type, activation.GrainId.Key, stateName);
        State = CreateDefault();
    }

    public TState State { get; set; }

    public long Version { get; private set; }

    public string? Etag => Version == 0 ? null : Version.ToString(CultureInfo.InvariantCulture);

    public bool RecordExists { get; private set; }

    public Task LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var started = _activation.Runtime.TimeProvider.GetTimestamp();
        var record = await _storage.ReadAsync(_key, cancellationToken);
        _activation.Runtime.Instrumentation.StorageOperation(_storage.ProviderName, "read", _activation.Runtime.TimeProvider.GetElapsedTime(started));
        Version = record?.Version ?? 0;
        RecordExists = record?.Json is not null;
        State = record?.Json is { } json
            ? JsonSerializer.Deserialize<TState>(json, GrainStateJson.Options) ?? CreateDefault()
            : CreateDefault();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(State, GrainStateJson.Options);
        var started = _activation.Runtime.TimeProvider.GetTimestamp();
        try
        {
            Version = await _storage.WriteAsync(_key, json, Version, _activation.Fence, cancellationToken);
            RecordExists = true;
        }
        catch (InconsistentStateException)
        {
            _activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        finally
        {
            _activation.Runtime.Instrumentation.StorageOperation(_storage.ProviderName, "write", _activation.Runtime.TimeProvider.GetElapsedTime(started));
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        var started = _activation.Runtime.TimeProvider.GetTimestamp();
        try
        {
            Version = await _storage.ClearAsync(_key, Version, _activation.Fence, cancellationToken);
            RecordExists = false;
            State = CreateDefault();
        }
        catch (InconsistentStateException)
        {
            _activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        finally
        {
            _activation.Runtime.Instrumentation.StorageOperation(_storage.ProviderName, "clear", _activation.Runtime.TimeProvider.GetElapsedTime(started));
        }
    }

    private static TState CreateDefault() =>
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is null
            ? default!
            : Activator.CreateInstance<TState>();
}
