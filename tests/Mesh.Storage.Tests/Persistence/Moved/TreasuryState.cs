namespace Mesh.Storage.Tests.Persistence.Moved;

/// <summary>
/// <see cref="Infrastructure.VaultState"/> after a rename and a move to another namespace: <c>Chains</c> removed,
/// <c>Tier</c> added.
/// </summary>
public sealed class TreasuryState
{
    public string Owner { get; set; } = string.Empty;

    public long Balance { get; set; }

    public int Tier { get; set; } = 3;
}
