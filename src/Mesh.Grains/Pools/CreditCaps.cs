using System.Globalization;

namespace Mesh.Grains.Pools;

/// <summary>
/// Sizes a credit line against every limit at once: the chain's free liquidity, the pool's utilization cap, the
/// protocol's cap, and each risk factor's absolute and relative caps (Morpho Vault V2 style: a vault maps to several
/// ids and the draw must respect every one). The room under each limit is computed exactly; the smallest binds,
/// the first in that order on a tie. Relative caps and the utilization cap are fractions of the pool's assets,
/// free + credit outstanding, which a draw does not change. The caps bound the amount drawn plus the debt already
/// outstanding; rounding the drawn amount's scaled debt up (in the pool's favour) can add at most ⌈index / RAY⌉ base
/// units of debt beyond that per draw.
/// </summary>
internal static class CreditCaps
{
    /// <summary>Decides how much of a request the caps allow.</summary>
    /// <param name="request">The request; its risk factors already checked and without duplicates.</param>
    /// <param name="exposure">The pool numbers just before the draw.</param>
    /// <param name="caps">The pool's caps.</param>
    /// <returns>The decision: all, part (when <see cref="CreditRequest.AllowPartial"/>) or nothing, with the binding limit.</returns>
    public static CreditDecision Evaluate(CreditRequest request, CreditExposure exposure, PoolCaps caps)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(caps);

        var requested = request.Amount;
        var poolAssets = FixedPoint.ToUInt128(
            (System.Numerics.BigInteger)exposure.TotalFree + exposure.TotalCredit, "the pool's assets");
        var best = new Room(exposure.FreeOnChain, CreditLimit.Liquidity, PoolErrorCodes.InsufficientLiquidity, null,
            $"Chain '{request.Chain}' has {exposure.FreeOnChain} free");

        var utilizationLimit = FixedPoint.WadMul(poolAssets, caps.UtilizationCapWad, Rounding.Floor);
        best = Tighter(best, new Room(
            Left(utilizationLimit, exposure.TotalCredit), CreditLimit.UtilizationCap, PoolErrorCodes.UtilizationCap, null,
            $"The utilization cap {Percent(caps.UtilizationCapWad)} of pool assets {poolAssets} allows {utilizationLimit} of credit and {exposure.TotalCredit} is outstanding"));

        var protocolCap = caps.ProtocolCaps.TryGetValue(request.ProtocolId, out var configured) ? configured : caps.DefaultProtocolCap;
        if (protocolCap is { } pc)
        {
            best = Tighter(best, new Room(
                Left(pc, exposure.ProtocolAllocated), CreditLimit.ProtocolCap, PoolErrorCodes.ProtocolCap, null,
                $"Protocol '{request.ProtocolId}' has a cap of {pc} and {exposure.ProtocolAllocated} outstanding"));
        }

        foreach (var id in request.RiskFactors)
        {
            var allocated = exposure.RiskFactorAllocated.TryGetValue(id, out var a) ? a : UInt128.Zero;
            var cap = caps.RiskFactorCaps.TryGetValue(id, out var c) ? c : caps.DefaultRiskFactorCap;
            if (cap is null)
            {
                best = Tighter(best, new Room(
                    UInt128.Zero, CreditLimit.RiskFactorAbsoluteCap, PoolErrorCodes.RiskFactorAbsoluteCap, id,
                    $"Risk factor '{id}' has no caps configured, so its absolute cap is 0, with {allocated} outstanding"));
                continue;
            }

            best = Tighter(best, new Room(
                Left(cap.Absolute, allocated), CreditLimit.RiskFactorAbsoluteCap, PoolErrorCodes.RiskFactorAbsoluteCap, id,
                $"Risk factor '{id}' has an absolute cap of {cap.Absolute} and {allocated} outstanding"));
            var relativeLimit = FixedPoint.WadMul(poolAssets, cap.RelativeWad, Rounding.Floor);
            best = Tighter(best, new Room(
                Left(relativeLimit, allocated), CreditLimit.RiskFactorRelativeCap, PoolErrorCodes.RiskFactorRelativeCap, id,
                $"Risk factor '{id}' has a relative cap of {Percent(cap.RelativeWad)} of pool assets {poolAssets}, that is {relativeLimit}, and {allocated} outstanding"));
        }

        if (best.Amount >= requested)
        {
            return new CreditDecision(requested, requested, CreditLimit.None, null, null, null);
        }

        var granted = request.AllowPartial ? best.Amount : UInt128.Zero;
        var message = granted == UInt128.Zero
            ? $"{best.Reason}: {best.Amount} is left, {requested} was requested for vault '{request.VaultId}', so nothing is granted."
            : $"{best.Reason}: {best.Amount} of the {requested} requested for vault '{request.VaultId}' is granted.";
        return new CreditDecision(requested, granted, best.Limit, best.Code, message, best.RiskFactor);
    }

    private static Room Tighter(Room current, Room candidate) => candidate.Amount < current.Amount ? candidate : current;

    private static UInt128 Left(UInt128 limit, UInt128 used) => limit > used ? limit - used : UInt128.Zero;

    private static string Percent(UInt128 wad) =>
        ((decimal)wad / 10_000_000_000_000_000m).ToString("0.##########", CultureInfo.InvariantCulture) + "%";

    private readonly record struct Room(UInt128 Amount, CreditLimit Limit, string Code, string? RiskFactor, string Reason);
}
