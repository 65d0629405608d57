using Mesh.Runtime.Activation;

namespace Mesh.Runtime;

/// <summary>
/// Base class of every grain. One activation of a grain processes one turn at a time; the runtime activates it on its
/// first call and deactivates it when idle.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    /// <summary>Gets this grain's id.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>Gets this grain's key.</summary>
    public string GrainKey => Activation.GrainId.Key;

    /// <summary>Gets the factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    /// <summary>Gets the silo's clock.</summary>
    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    internal ActivationData Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not bound to an activation; grains are created by the runtime, not with new.");

    /// <summary>Called after state is read and before the first call is processed.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called before the activation is removed; write any state that must survive here.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.Requested);

    /// <summary>Registers a timer whose ticks run as (non-interleaving) turns of this activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GrainId} must implement IRemindable to register reminders.");
        }

        return Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period, cancellationToken);
    }

    /// <summary>Removes a durable reminder; does nothing if it does not exist.</summary>
    protected Task UnregisterReminder(string reminderName, CancellationToken cancellationToken = default) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName, cancellationToken);

    internal void Bind(ActivationData activation) => _activation = activation;
}
