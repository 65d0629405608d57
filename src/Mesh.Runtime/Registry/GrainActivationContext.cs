using Mesh.Runtime.Activation;
using Mesh.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime;

/// <summary>Supplies a grain constructor's arguments; used by generated code.</summary>
public sealed class GrainActivationContext
{
    private readonly ActivationData _activation;

    internal GrainActivationContext(ActivationData activation) => _activation = activation;

    internal List<IStateLoader> States { get; } = [];

    /// <summary>Resolves a service from the silo's container.</summary>
    public T GetService<T>()
        where T : notnull => _activation.Runtime.Services.GetRequiredService<T>();

    /// <summary>Creates the persistent state named <paramref name="stateName"/>, read before <see cref="Grain.OnActivateAsync"/>.</summary>
    public IPersistentState<T> GetPersistentState<T>(string stateName, string? storageName)
    {
        var storage = _activation.Runtime.Storage.Get(storageName);
        var state = new PersistentState<T>(_activation, storage, stateName);
        States.Add(state);
        return state;
    }
}
