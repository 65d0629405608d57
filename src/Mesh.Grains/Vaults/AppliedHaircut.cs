namespace Mesh.Grains.Vaults;

/// <summary>The haircut a vault applied to an asset last (before the breaker's multiplier), and when: where the speed limit of anti-procyclical haircuts starts from.</summary>
/// <param name="Haircut">The haircut, in [0, 1].</param>
/// <param name="At">When it was applied.</param>
internal sealed record AppliedHaircut(double Haircut, DateTimeOffset At);
