using Mesh.Chains.Configuration;

namespace Mesh.Chains.Simulated;

/// <summary>Builds simulated chains.</summary>
public static class SimulatedChains
{
    /// <summary>Creates one simulated chain; its genesis block is stamped with the clock's current time.</summary>
    /// <param name="definition">The chain from <c>chains.json</c>.</param>
    /// <param name="timeProvider">The clock that drives block production; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="options">The behaviour; defaults when <see langword="null"/>.</param>
    /// <returns>The chain.</returns>
    public static ISimulatedChain Create(ChainDefinition definition, TimeProvider? timeProvider = null, SimulatedChainOptions? options = null) =>
        new SimulatedChain(definition, timeProvider ?? TimeProvider.System, options ?? new SimulatedChainOptions());

    /// <summary>Creates one simulated chain per chain of <paramref name="configuration"/>, sharing one clock and options.</summary>
    /// <param name="configuration">The validated <c>chains.json</c>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="options">The behaviour; defaults when <see langword="null"/>.</param>
    /// <returns>The provider.</returns>
    public static ISimulatedChainProvider CreateProvider(ChainsConfiguration configuration, TimeProvider? timeProvider = null, SimulatedChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var time = timeProvider ?? TimeProvider.System;
        var chainOptions = options ?? new SimulatedChainOptions();
        return new SimulatedChainProvider(configuration.Chains.Select(c => new SimulatedChain(c, time, chainOptions)));
    }
}
