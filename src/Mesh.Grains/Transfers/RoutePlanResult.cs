namespace Mesh.Grains.Transfers;

/// <summary>The planner's answer: the cheapest route, and why each other candidate was left out.</summary>
/// <param name="Plan">The route; null when no candidate fits.</param>
/// <param name="Refusals">The candidates left out, each with its reason.</param>
internal sealed record RoutePlanResult(RoutePlan? Plan, IReadOnlyList<RouteRefusal> Refusals);
