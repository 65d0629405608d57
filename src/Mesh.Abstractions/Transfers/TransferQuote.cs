namespace Mesh.Transfers;

/// <summary>A priced route for a request, valid until <see cref="ExpiresAt"/>.</summary>
/// <param name="RequestId">The router's request id (the transfer's key).</param>
/// <param name="Request">The request.</param>
/// <param name="Path">The chains visited, e.g. <c>local-a → local-b</c>.</param>
/// <param name="Delivered">What arrives on the destination, base units.</param>
/// <param name="Fee">The route's fees together, base units: exactly <c>Amount − Delivered</c>; kept by the source's bridge.</param>
/// <param name="ExpectedDuration">The expected time end to end.</param>
/// <param name="QuotedAt">When the quote was made.</param>
/// <param name="ExpiresAt">After this instant the quote can no longer be executed; quote again.</param>
[GenerateSerializer]
[Alias("mesh.transfer.quote")]
public sealed record TransferQuote(
    [property: Id(0)] string RequestId,
    [property: Id(1)] TransferQuoteRequest Request,
    [property: Id(2)] string Path,
    [property: Id(3)] UInt128 Delivered,
    [property: Id(4)] UInt128 Fee,
    [property: Id(5)] TimeSpan ExpectedDuration,
    [property: Id(6)] DateTimeOffset QuotedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt);
