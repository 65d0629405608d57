namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>A plain grain state for storage tests.</summary>
public sealed class VaultState
{
    public string Owner { get; set; } = string.Empty;

    public long Balance { get; set; }

    public List<string> Chains { get; set; } = [];
}
