namespace Mesh.Grains.Rebalancing;

/// <summary>
/// MakerDAO Liquidations 2.0's caps on value under sale (<c>Dog.bark</c>), in exact base units of value: the room is
/// the smaller of the global cap less what is in flight (<c>Hole − Dirt</c>) and the market's cap less its own
/// (<c>ilk.hole − ilk.dirt</c>); a request is granted up to the room; when what would remain of it is below dust the
/// whole request is granted (a vault is never left with an unsellable remainder), and with less room than dust nothing
/// is granted (so no grant is smaller than dust). Room comes back as sales settle or grants expire, by lowering the in-flight figures.
/// </summary>
internal static class SaleCaps
{
    /// <summary>The room left under both caps.</summary>
    /// <param name="globalCap">The global cap (Hole).</param>
    /// <param name="globalInFlight">Value under sale everywhere (Dirt).</param>
    /// <param name="marketCap">The market's cap (ilk.hole).</param>
    /// <param name="marketInFlight">Value under sale in the market (ilk.dirt).</param>
    /// <returns>The room; zero when either cap is reached (or exceeded by a dust top-up).</returns>
    public static UInt128 Room(UInt128 globalCap, UInt128 globalInFlight, UInt128 marketCap, UInt128 marketInFlight)
    {
        var global = globalInFlight >= globalCap ? UInt128.Zero : globalCap - globalInFlight;
        var market = marketInFlight >= marketCap ? UInt128.Zero : marketCap - marketInFlight;
        return UInt128.Min(global, market);
    }

    /// <summary>Decides one request against the room and the dust rule.</summary>
    /// <param name="requested">The value the vault asks to sell.</param>
    /// <param name="room">The room (<see cref="Room"/>).</param>
    /// <param name="dust">The smallest sale worth doing, and the smallest remainder worth leaving.</param>
    /// <returns>The decision.</returns>
    public static SaleDecision Decide(UInt128 requested, UInt128 room, UInt128 dust)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(requested, UInt128.Zero);
        if (room == UInt128.Zero || room < dust)
        {
            return new SaleDecision(UInt128.Zero, SaleOutcome.RefusedNoRoom);
        }

        if (requested <= room)
        {
            return new SaleDecision(requested, SaleOutcome.Full);
        }

        // The room is at least dust here, so a partial grant is never smaller than dust (Maker checks it again only
        // because its penalty and rate conversions can shrink the grant; exact units cannot).
        return requested - room < dust
            ? new SaleDecision(requested, SaleOutcome.WholeByDust)
            : new SaleDecision(room, SaleOutcome.Partial);
    }
}
