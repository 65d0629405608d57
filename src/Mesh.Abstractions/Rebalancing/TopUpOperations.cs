namespace Mesh.Rebalancing;

/// <summary>
/// How a top-up names its operation in the two books it moves between: <c>topup:</c>, the receiving vault's key, the
/// receiving vault's ask number and the order's place in the ask's match, the same id on the giving and on the
/// receiving vault. The prefix is the mesh's own: a movement a caller names with it is refused.
/// </summary>
public static class TopUpOperations
{
    /// <summary>The prefix of every top-up's vault operation id.</summary>
    public const string Prefix = "topup:";

    /// <summary>The operation id of the <paramref name="order"/>-th order matched to a vault's ask.</summary>
    /// <param name="recipient">The receiving vault's key.</param>
    /// <param name="ask">The receiving vault's ask number.</param>
    /// <param name="order">The order's place in the ask's match, from zero.</param>
    /// <returns><c>topup:{recipient}:{ask}:{order}</c>.</returns>
    public static string Id(string recipient, long ask, int order) =>
        FormattableString.Invariant($"{Prefix}{recipient}:{ask}:{order}");

    /// <summary>The receiving vault of a top-up's operation id.</summary>
    /// <param name="operationId">A vault operation id.</param>
    /// <param name="recipient">The receiving vault's key, when <paramref name="operationId"/> is a top-up's.</param>
    /// <returns>True when it is a top-up's.</returns>
    public static bool TryRecipient(string operationId, out string recipient)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        recipient = "";
        if (!operationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = operationId.AsSpan(Prefix.Length);
        var order = rest.LastIndexOf(':');
        if (order <= 0)
        {
            return false;
        }

        var ask = rest[..order].LastIndexOf(':');
        if (ask <= 0 || !long.TryParse(rest[(ask + 1)..order], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || !int.TryParse(rest[(order + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        recipient = rest[..ask].ToString();
        return true;
    }
}
