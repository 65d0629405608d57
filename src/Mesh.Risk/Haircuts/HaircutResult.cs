namespace Mesh.Risk.Haircuts;

/// <summary>A haircut as a fraction of collateral value and its components.</summary>
/// <param name="Haircut">Total haircut in [0, MaxHaircut].</param>
/// <param name="PriceRisk">1 − exp(−z·σ·√h): the adverse move at the confidence level over the horizon.</param>
/// <param name="MarketImpact">Expected impact of selling the quantity (square-root law).</param>
/// <param name="WrongWayAddOn">Add-on for positive correlation with the backed exposure.</param>
public sealed record HaircutResult(double Haircut, double PriceRisk, double MarketImpact, double WrongWayAddOn);
