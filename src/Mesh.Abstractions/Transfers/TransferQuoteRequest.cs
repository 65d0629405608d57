namespace Mesh.Transfers;

/// <summary>What a router asks to move. The same request id with the same request is the same transfer.</summary>
/// <param name="ProtocolId">The member protocol whose collateral moves: from its vault balance on <paramref name="From"/> to its vault balance on <paramref name="To"/>.</param>
/// <param name="Asset">The token symbol, on both chains.</param>
/// <param name="From">The source chain.</param>
/// <param name="To">The destination chain.</param>
/// <param name="Amount">What leaves the source, in base units; above zero. The destination receives it less the route's fee.</param>
/// <param name="Deadline">The longest the transfer may take end to end (finality on both sides included); positive.</param>
[GenerateSerializer]
[Alias("mesh.transfer.quote_request")]
public sealed record TransferQuoteRequest(
    [property: Id(0)] string ProtocolId,
    [property: Id(1)] string Asset,
    [property: Id(2)] string From,
    [property: Id(3)] string To,
    [property: Id(4)] UInt128 Amount,
    [property: Id(5)] TimeSpan Deadline);
