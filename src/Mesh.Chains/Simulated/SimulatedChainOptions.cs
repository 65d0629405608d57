namespace Mesh.Chains.Simulated;

/// <summary>How simulated chains behave.</summary>
public sealed class SimulatedChainOptions
{
    /// <summary>The seed of the chains' hashes and random faults; each chain mixes in its name.</summary>
    /// <value>The default is <c>1</c>.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Whether a deposit needs an allowance to the vault (<see cref="ISimulatedChain.Approve"/>), as an ERC-20 <c>transferFrom</c> does.</summary>
    /// <value>The default is <see langword="false"/>: deposits need only the balance.</value>
    public bool RequireAllowance { get; set; }

    /// <summary>How many operations one block includes at most; the rest wait in the mempool (congestion).</summary>
    /// <value>The default is <see cref="int.MaxValue"/>.</value>
    public int MaxOperationsPerBlock { get; set; } = int.MaxValue;

    internal void Validate()
    {
        if (MaxOperationsPerBlock < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxOperationsPerBlock),
                MaxOperationsPerBlock,
                $"{nameof(SimulatedChainOptions)}.{nameof(MaxOperationsPerBlock)} must be at least 1.");
        }
    }
}
