using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// A top-up desk's offers and asks, and how it matches them: asks lowest health factor first (ties by vault key), each
/// filled from the largest offers of its asset (ties by vault key), at most <see cref="MaxGiversPerAsk"/> givers an
/// ask. What is matched comes off the offer at once, so one offer is never promised twice; an ask is dropped once
/// matched, filled or not. Deterministic for the same offers and asks, whatever order they arrived in.
/// </summary>
internal sealed class TopUpBook
{
    /// <summary>The most givers one ask is split between: it bounds the moves a round makes.</summary>
    internal const int MaxGiversPerAsk = 4;

    private readonly Dictionary<string, TopUpOffer> _offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopUpAsk> _asks = new(StringComparer.Ordinal);

    public int Offers => _offers.Count;

    public int Asks => _asks.Count;

    /// <summary>Records an offer (the newer of two from one book wins); zero withdraws it. A book that offers is not asking.</summary>
    public void Offer(TopUpOffer offer)
    {
        if (_offers.TryGetValue(offer.Vault, out var known) && known.AsOf > offer.AsOf)
        {
            return;
        }

        if (offer.Amount == UInt128.Zero)
        {
            _offers.Remove(offer.Vault);
            return;
        }

        _offers[offer.Vault] = offer;
        _asks.Remove(offer.Vault);
    }

    /// <summary>Records an ask, in place of the book's earlier one; a book that asks has nothing to offer.</summary>
    public void Ask(TopUpAsk ask)
    {
        _asks[ask.Vault] = ask;
        _offers.Remove(ask.Vault);
    }

    /// <summary>Matches every waiting ask and drops them.</summary>
    public List<TopUpOrder> MatchAll()
    {
        var orders = new List<TopUpOrder>();
        foreach (var ask in _asks.Values.OrderBy(a => a.HealthFactor).ThenBy(a => a.Vault, StringComparer.Ordinal).ToList())
        {
            orders.AddRange(Match(ask));
        }

        _asks.Clear();
        return orders;
    }

    /// <summary>Matches one ask now, without recording it, from the offers of books <paramref name="mayGive"/> allows (all when null).</summary>
    public List<TopUpOrder> Match(TopUpAsk ask, Func<string, bool>? mayGive = null)
    {
        _asks.Remove(ask.Vault);
        _offers.Remove(ask.Vault);
        var orders = new List<TopUpOrder>();
        var missing = ask.Amount;
        var givers = _offers.Values
            .Where(o => string.Equals(o.Asset, ask.Asset, StringComparison.Ordinal) && (mayGive is null || mayGive(o.Vault)))
            .OrderByDescending(o => o.Amount).ThenBy(o => o.Vault, StringComparer.Ordinal)
            .Take(MaxGiversPerAsk)
            .ToList();
        foreach (var giver in givers)
        {
            if (missing == UInt128.Zero)
            {
                break;
            }

            var amount = UInt128.Min(missing, giver.Amount);
            orders.Add(new TopUpOrder(TopUpOperations.Id(ask.Vault, ask.Number, orders.Count), giver.Vault, ask.Vault, ask.Asset, amount));
            missing -= amount;
            var left = giver.Amount - amount;
            if (left == UInt128.Zero)
            {
                _offers.Remove(giver.Vault);
            }
            else
            {
                _offers[giver.Vault] = giver with { Amount = left };
            }
        }

        return orders;
    }
}
