namespace Mesh.Grains.Vaults;

/// <summary>A vault's top-ups with the protocol's other books on its chain (plain data, part of <see cref="VaultState"/>).</summary>
public sealed class VaultTopUps
{
    /// <summary>Gets or sets the number of the vault's next ask: it names the orders matched to the ask.</summary>
    public long NextAsk { get; set; }

    /// <summary>Gets or sets what the vault has given its siblings per asset, base units (completed moves).</summary>
    public Dictionary<string, UInt128> Given { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets what the vault has received from its siblings per asset, base units.</summary>
    public Dictionary<string, UInt128> Received { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the giver of each gift received, by operation id: a repeat is the same gift only from the same giver.</summary>
    public Dictionary<string, string> From { get; set; } = new(StringComparer.Ordinal);
}
