using Mesh.Errors;
using Mesh.Rebalancing;
using Mesh.Vaults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The top-up desk of one protocol on one chain (see <see cref="ITopUpDeskGrain"/>). It keeps no state of its own
/// beyond the activation: the books' offers and asks are renewed at every revaluation, and every move is recorded by
/// the two books it moves between, the giver first. It never waits for a book while a book may be waiting for it:
/// matched at once on an ask, the orders go out without waiting; in rounds (a driver that calls
/// <see cref="Allocate"/> between the books' revaluations) it waits for the givers' answers, so the round is over when
/// it returns.
/// </summary>
internal sealed partial class TopUpDeskGrain(IOptions<RebalancingOptions> options, ILogger<TopUpDeskGrain> logger, TimeProvider time) : Grain, ITopUpDeskGrain
{
    /// <summary>
    /// How long a book that was just ordered a gift does not give (matched at once only): a gift waits for its receiver
    /// inside the giver's turn, so two books giving to each other at once would each wait for the other until the call
    /// times out.
    /// </summary>
    internal static readonly TimeSpan ReceiverRest = TimeSpan.FromMinutes(1);

    private readonly TopUpBook _book = new();
    private readonly Dictionary<string, DateTimeOffset> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UInt128> _matched = new(StringComparer.Ordinal);
    private long _orders;
    private VaultKey? _desk;

    private VaultKey Desk => _desk ??= ParseDesk(this.GetPrimaryKeyString());

    public Task Offer(TopUpOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RequireSibling(offer.Vault, "vault");
        if (offer.Amount > UInt128.Zero)
        {
            RequireAsset(offer.Asset);
        }

        _book.Offer(offer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TopUpOrder>> Ask(TopUpAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        RequireSibling(ask.Vault, "vault");
        RequireAsset(ask.Asset);
        if (ask.Amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "A top-up ask's amount must be greater than zero.");
        }

        if (!double.IsFinite(ask.HealthFactor) || ask.HealthFactor < 0)
        {
            throw MeshException.Invalid("healthFactor", "topup.invalid_health", $"A top-up ask's health factor must be a finite number at or above zero, not {ask.HealthFactor}.");
        }

        if (ask.Number < 0)
        {
            throw MeshException.Invalid("number", "topup.invalid_number", $"A top-up ask's number must be at or above zero, not {ask.Number}.");
        }

        if (!options.Value.AllocateOnRequest)
        {
            _book.Ask(ask);
            return Task.FromResult<IReadOnlyList<TopUpOrder>>([]);
        }

        var now = time.GetUtcNow();
        foreach (var rested in _received.Where(r => now - r.Value >= ReceiverRest).Select(r => r.Key).ToList())
        {
            _received.Remove(rested);
        }

        var orders = _book.Match(ask, giver => !_received.ContainsKey(giver));
        if (orders.Count > 0)
        {
            _received[ask.Vault] = now;
        }

        _ = Send(orders, wait: false);
        return Task.FromResult<IReadOnlyList<TopUpOrder>>(orders);
    }

    public async Task<TopUpDeskView> Allocate(CancellationToken cancellationToken = default)
    {
        var orders = _book.MatchAll();
        await Send(orders, wait: true);
        return View();
    }

    public Task<TopUpDeskView> View(CancellationToken cancellationToken = default) => Task.FromResult(View());

    private TopUpDeskView View() => new(Desk.ToString(), _book.Offers, _book.Asks, _orders, new Dictionary<string, UInt128>(_matched, StringComparer.Ordinal));

    private Task Send(List<TopUpOrder> orders, bool wait)
    {
        if (orders.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var order in orders)
        {
            _orders++;
            _matched[order.Asset] = checked(_matched.GetValueOrDefault(order.Asset) + order.Amount);
        }

        // One giver's orders one after another, in the order they were matched (a giver whose margin moved since its offer
        // cuts the last ones, the same ones every run); different givers at once.
        var sent = Task.WhenAll(orders.GroupBy(o => o.From, StringComparer.Ordinal).Select(async giver =>
        {
            foreach (var order in giver)
            {
                await Give(order);
            }
        }));
        if (wait)
        {
            return sent;
        }

        sent.Ignore();
        return Task.CompletedTask;
    }

    /// <summary>One order to its giver; a refusal (the giver's margin moved since its offer) ends the order, which the giver's books never held.</summary>
    private async Task Give(TopUpOrder order)
    {
        try
        {
            await GrainFactory.GetGrain<IVaultGrain>(order.From).GiveTopUp(order);
        }
        catch (MeshException refused)
        {
            LogRefused(logger, order.OperationId, order.From, refused.Code);
        }
        catch (Exception e) when (e is TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException)
        {
            // The giver recorded the move durably or not at all: if it did, it drives the move to the end itself.
            LogUnanswered(logger, order.OperationId, order.From, e.GetType().Name);
        }
    }

    private void RequireSibling(string? vault, string field)
    {
        var key = vault is null ? null : TryParse(vault);
        if (key is null || key.ProtocolId != Desk.ProtocolId || key.Chain != Desk.Chain)
        {
            throw MeshException.Invalid(field, "topup.not_sibling", $"'{vault}' is not a vault of protocol {Desk.ProtocolId} on {Desk.Chain}, the books this desk serves.");
        }
    }

    private static void RequireAsset(string? asset)
    {
        if (string.IsNullOrWhiteSpace(asset))
        {
            throw MeshException.Invalid("asset", "asset.missing", "A top-up names its asset.");
        }
    }

    private static VaultKey? TryParse(string vault)
    {
        try
        {
            return VaultKey.Parse(vault);
        }
        catch (MeshException)
        {
            return null;
        }
    }

    private static VaultKey ParseDesk(string key)
    {
        var desk = VaultKey.Parse(key);
        return desk.Account is null
            ? desk
            : throw MeshException.Invalid("desk", "topup.malformed_desk", $"'{key}' is not a top-up desk's key: it is protocol/chain.");
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Top-up {OperationId}: giver {Giver} refused the order ({Code}).")]
    private static partial void LogRefused(ILogger logger, string operationId, string giver, string code);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Top-up {OperationId}: giver {Giver} did not answer ({Error}); a move it recorded, it finishes itself.")]
    private static partial void LogUnanswered(ILogger logger, string operationId, string giver, string error);
}
