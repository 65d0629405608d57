using System.Collections.Concurrent;
using System.Reflection;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Registry;

namespace Mesh.Runtime;

/// <summary>The grain interfaces, methods and classes known to a silo, filled by generated registration code.</summary>
public sealed class GrainTypeRegistry
{
    private readonly ConcurrentDictionary<Type, Func<IGrainCallRuntime, GrainId, object>> _proxies = new();
    private readonly ConcurrentDictionary<(string Interface, string MethodId), GrainMethod> _methods = new();
    private readonly ConcurrentDictionary<string, GrainClassInfo> _classes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _interfaceToGrainType = new();
    private readonly HashSet<Assembly> _assemblies = [];

    /// <summary>Registers the generated code of <paramref name="assembly"/> (once; later calls do nothing).</summary>
    /// <exception cref="InvalidOperationException">The assembly holds no generated grain code.</exception>
    public void AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (_assemblies)
        {
            if (!_assemblies.Add(assembly))
            {
                return;
            }
        }

        var attribute = assembly.GetCustomAttribute<GrainRegistrationAttribute>()
            ?? throw new InvalidOperationException($"Assembly {assembly.GetName().Name} holds no generated grain code; does it reference Mesh.Runtime and declare grains?");
        var registration = (IGrainRegistration)Activator.CreateInstance(attribute.RegistrationType)!;
        registration.Register(this);
    }

    /// <summary>Registers the proxy factory of a grain interface.</summary>
    public void AddInterface<TInterface>(string interfaceName, Func<IGrainCallRuntime, GrainId, TInterface> proxyFactory)
        where TInterface : class, IGrain
    {
        ArgumentNullException.ThrowIfNull(proxyFactory);
        _proxies.TryAdd(typeof(TInterface), (runtime, id) => proxyFactory(runtime, id));
    }

    /// <summary>Registers a grain method, so calls to it can arrive from other silos.</summary>
    public void AddMethod(GrainMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        _methods.TryAdd((method.InterfaceName, method.MethodId), method);
    }

    /// <summary>Registers a grain class.</summary>
    public void AddGrain<TGrain>(string grainType, bool reentrant, Type[] interfaces, Func<GrainActivationContext, TGrain> factory)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        ArgumentNullException.ThrowIfNull(factory);
        var info = new GrainClassInfo(grainType, typeof(TGrain), reentrant, interfaces, factory);
        if (!_classes.TryAdd(grainType, info) && _classes[grainType].ClassType != typeof(TGrain))
        {
            throw new InvalidOperationException($"Grain type '{grainType}' is claimed by both {_classes[grainType].ClassType} and {typeof(TGrain)}; give one a [GrainType] name.");
        }

        foreach (var iface in interfaces)
        {
            _interfaceToGrainType.AddOrUpdate(iface, grainType, (_, existing) => existing == grainType ? existing : string.Empty);
        }
    }

    internal int GrainTypeCount => _classes.Count;

    internal GrainClassInfo GetClass(string grainType) =>
        _classes.TryGetValue(grainType, out var info) ? info : throw new GrainTypeNotFoundException($"grain type '{grainType}'");

    internal string GetGrainType(Type grainInterface)
    {
        if (!_interfaceToGrainType.TryGetValue(grainInterface, out var grainType))
        {
            throw new GrainTypeNotFoundException($"interface {grainInterface.FullName}");
        }

        if (grainType.Length == 0)
        {
            throw new InvalidOperationException($"More than one grain class implements {grainInterface.FullName}; call GetGrain with an explicit GrainId.");
        }

        return grainType;
    }

    internal object CreateProxy(Type grainInterface, IGrainCallRuntime runtime, GrainId id) =>
        _proxies.TryGetValue(grainInterface, out var factory)
            ? factory(runtime, id)
            : throw new GrainTypeNotFoundException($"interface {grainInterface.FullName} (no generated proxy)");

    internal GrainMethod? FindMethod(string interfaceName, string methodId) =>
        _methods.TryGetValue((interfaceName, methodId), out var method) ? method : null;
}
