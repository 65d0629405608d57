using System.Collections.Concurrent;

namespace Mesh.Runtime.Activation;

/// <summary>The activations of one silo, at most one per grain id.</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private volatile bool _stopping;

    public int Count => _activations.Count;

    public ICollection<ActivationData> Activations => _activations.Values;

    /// <summary>Returns the grain's live activation, creating (and starting to activate) one if there is none.</summary>
    /// <exception cref="SiloUnavailableException">The silo is shutting down.</exception>
    public ActivationData GetOrCreate(GrainId grainId)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                if (!existing.IsInvalid)
                {
                    if (existing.IsStale)
                    {
                        // Left over from a lease this silo lost (and may have taken back since): the call waits in its
                        // mailbox and moves to a fresh activation, which reads state under the current epoch.
                        existing.RequestDeactivation(DeactivationReason.OwnershipLost);
                    }

                    return existing;
                }

                _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(grainId, existing));
                continue;
            }

            if (_stopping)
            {
                throw runtime.Remote is null
                    ? new SiloUnavailableException($"Silo {runtime.SiloId} is shutting down and does not activate {grainId}.")
                    : new NotOwnerException($"Silo {runtime.SiloId} is leaving the cluster and hands {grainId} to another silo.") { CallDidNotRun = true };
            }

            var grainClass = runtime.Registry.GetClass(grainId.Type);
            var (_, fence) = runtime.Locator.GetFence(grainId);
            var created = new ActivationData(grainId, grainClass, runtime, fence);
            if (_activations.TryAdd(grainId, created))
            {
                created.ScheduleActivation();
                return created;
            }
        }
    }

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    public int TotalPending()
    {
        var total = 0;
        foreach (var activation in _activations.Values)
        {
            total += activation.PendingCount;
        }

        return total;
    }

    public void CollectIdle(TimeSpan age)
    {
        foreach (var activation in _activations.Values)
        {
            if (activation.IsIdleFor(age))
            {
                activation.RequestDeactivation(DeactivationReason.Idle);
            }
        }
    }

    /// <summary>Deactivates every activation matching <paramref name="predicate"/> and waits for them.</summary>
    public Task DeactivateAsync(Func<GrainId, bool> predicate, DeactivationReason reason)
    {
        var targets = _activations.Values.Where(a => predicate(a.GrainId)).ToList();
        foreach (var activation in targets)
        {
            activation.RequestDeactivation(reason);
        }

        return Task.WhenAll(targets.Select(a => a.Deactivated));
    }

    /// <summary>Stops new activations, deactivates all (running OnDeactivateAsync) and waits until done or <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        while (!_activations.IsEmpty)
        {
            await DeactivateAsync(static _ => true, DeactivationReason.Shutdown).WaitAsync(cancellationToken);
        }
    }
}
