namespace Mesh.Grains.Transfers;

/// <summary>A bridge route's use now.</summary>
/// <param name="InTransit">What is on the route now, base units (its capacity bounds it).</param>
/// <param name="BucketAvailable">What its rate limit lets enter now, base units.</param>
internal sealed record RouteLoad(UInt128 InTransit, UInt128 BucketAvailable);
