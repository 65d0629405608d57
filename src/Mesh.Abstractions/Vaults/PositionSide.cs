namespace Mesh.Vaults;

/// <summary>Long or short.</summary>
[GenerateSerializer]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the market's words for the two sides of a position.")]
[Alias("mesh.vault.side")]
public enum PositionSide
{
    /// <summary>Gains when the underlying (or the option) rises.</summary>
    Long = 0,

    /// <summary>Loses when the underlying (or the option) rises.</summary>
    Short = 1,
}
