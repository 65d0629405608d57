namespace Mesh.Rebalancing;

/// <summary>
/// The top-up desk of one protocol on one chain (key <c>protocol/chain</c>): its books that take part
/// (<see cref="Mesh.Vaults.RebalanceSettings.TopUps"/>) tell it what they hold beyond the band's top, and those below
/// the band ask it for what takes them back to the band's middle. It matches the asks, lowest health factor first,
/// with the largest offers, and orders each giver to move the collateral to the asker; the giver checks its own margin
/// again and records the move before the asker credits it, so a move is never lost or made twice. The books share the
/// protocol's balance in the chain's vault contract, so nothing moves on chain and nothing is sold: the protocol's
/// spare margin covers its own books before any of them sells into the market. Offers and asks are soft state: a
/// desk activated again learns them from the books' next revaluations.
/// </summary>
[Alias("mesh.topup-desk")]
public interface ITopUpDeskGrain : IGrainWithStringKey
{
    /// <summary>Records (or withdraws, at zero) a book's offer.</summary>
    /// <param name="offer">The offer; its vault must be one of the desk's protocol and chain.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once recorded.</returns>
    /// <exception cref="Mesh.Errors.MeshException"><c>topup.not_sibling</c>, <c>asset.missing</c> (400).</exception>
    [Alias("mesh.topup-desk.offer")]
    Task Offer(TopUpOffer offer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for collateral. With <c>Mesh:Rebalancing:AllocateOnRequest</c> on (the default) the ask is matched at once;
    /// off (a simulation that decides each step's requests together) it waits for <see cref="Allocate"/>. An ask not
    /// filled is dropped: the book asks again at its next revaluation if it still needs to.
    /// </summary>
    /// <param name="ask">The ask; validated, refused naming the field.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was matched to the ask now (empty when it waits for a round).</returns>
    /// <exception cref="Mesh.Errors.MeshException"><c>topup.not_sibling</c>, <c>amount.zero</c>, <c>asset.missing</c>, <c>topup.invalid_health</c>, <c>topup.invalid_number</c> (400).</exception>
    [Alias("mesh.topup-desk.ask")]
    Task<IReadOnlyList<TopUpOrder>> Ask(TopUpAsk ask, CancellationToken cancellationToken = default);

    /// <summary>
    /// Matches every waiting ask, lowest health factor first, and waits until each giver has answered its orders (one
    /// giver's orders one after another). For a driver that calls it between the books' revaluations (the simulation's
    /// steps, with <c>AllocateOnRequest</c> off): a book that asked or offered while a round waits on it would wait on the
    /// round in turn.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The desk after the round.</returns>
    [Alias("mesh.topup-desk.allocate")]
    Task<TopUpDeskView> Allocate(CancellationToken cancellationToken = default);

    /// <summary>The desk as it stands.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view.</returns>
    [Alias("mesh.topup-desk.view")]
    Task<TopUpDeskView> View(CancellationToken cancellationToken = default);
}
