namespace Mesh.Rebalancing;

/// <summary>Where a sale request stands.</summary>
public enum GrantStatus
{
    /// <summary>Waiting for room; it is granted, most urgent first, when room comes back, or expires at its deadline.</summary>
    Queued = 0,

    /// <summary>Granted (in whole or in part): the vault may sell up to the granted quantity before the grant's deadline.</summary>
    Granted = 1,

    /// <summary>Sold and reported; the sold quantity no longer counts as in flight.</summary>
    Completed = 2,

    /// <summary>Given back unused (the sale failed or was no longer needed).</summary>
    Released = 3,

    /// <summary>The deadline passed (queued too long, or granted and not used); its capacity came back.</summary>
    Expired = 4,

    /// <summary>Refused outright (for example below dust, or more than the market could ever take); see the reason.</summary>
    Refused = 5,
}
