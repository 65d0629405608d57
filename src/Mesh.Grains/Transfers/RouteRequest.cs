namespace Mesh.Grains.Transfers;

/// <summary>What a router asks to move.</summary>
/// <param name="Asset">The token's symbol.</param>
/// <param name="From">The source chain.</param>
/// <param name="To">The destination chain.</param>
/// <param name="Amount">The amount taken on the source, in base units; above zero.</param>
/// <param name="Deadline">The longest the transfer may take, end to end (finality on both sides included).</param>
internal sealed record RouteRequest(string Asset, string From, string To, UInt128 Amount, TimeSpan Deadline);
