namespace Mesh.Vaults;

/// <summary>What a reported exposure is.</summary>
[GenerateSerializer]
[Alias("mesh.vault.exposure-kind")]
public enum ExposureKind
{
    /// <summary>A European option on an underlying.</summary>
    Option = 0,

    /// <summary>A perpetual future (linear).</summary>
    Perp = 1,
}
