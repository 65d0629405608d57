using Mesh.Api.Json;

namespace Mesh.Api.Domain;

/// <summary>A router's request to move a protocol's collateral from one chain to another.</summary>
/// <param name="ProtocolId">The protocol whose vault balance moves.</param>
/// <param name="Asset">The token symbol, on both chains.</param>
/// <param name="From">The source chain.</param>
/// <param name="To">The destination chain.</param>
/// <param name="Amount">What leaves the source, base units as a string of digits; the destination receives it less the fee.</param>
/// <param name="DeadlineSeconds">The longest the transfer may take end to end, in seconds (1 to 86,400).</param>
public sealed record TransferQuoteBody(string ProtocolId, string Asset, string From, string To, Amount Amount, long DeadlineSeconds);
