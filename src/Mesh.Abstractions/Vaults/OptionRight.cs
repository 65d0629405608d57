namespace Mesh.Vaults;

/// <summary>Call or put.</summary>
[GenerateSerializer]
[Alias("mesh.vault.option-right")]
public enum OptionRight
{
    /// <summary>The right to buy.</summary>
    Call = 0,

    /// <summary>The right to sell.</summary>
    Put = 1,
}
