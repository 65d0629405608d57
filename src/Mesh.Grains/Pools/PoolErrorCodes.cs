namespace Mesh.Grains.Pools;

/// <summary>The stable codes of the pool's refusals and validation failures.</summary>
internal static class PoolErrorCodes
{
    /// <summary>An id (holder, vault, protocol, chain, risk factor) is missing or blank.</summary>
    public const string IdRequired = "pool.id_required";

    /// <summary>An amount is zero.</summary>
    public const string AmountZero = "pool.amount_zero";

    /// <summary>An amount would overflow the pool's 128-bit accounting.</summary>
    public const string AmountTooLarge = "pool.amount_too_large";

    /// <summary>A deposit too small to mint a single share.</summary>
    public const string DepositTooSmall = "pool.deposit_too_small";

    /// <summary>A redemption too small to pay a single base unit.</summary>
    public const string RedeemTooSmall = "pool.redeem_too_small";

    /// <summary>The holder does not have the shares.</summary>
    public const string InsufficientShares = "pool.insufficient_shares";

    /// <summary>The chain does not have the free liquidity.</summary>
    public const string InsufficientLiquidity = "pool.insufficient_liquidity";

    /// <summary>The reserve does not hold the amount.</summary>
    public const string InsufficientReserve = "pool.insufficient_reserve";

    /// <summary>The credit would take utilization above its cap.</summary>
    public const string UtilizationCap = "pool.utilization_cap";

    /// <summary>The credit would take the protocol above its cap.</summary>
    public const string ProtocolCap = "pool.protocol_cap";

    /// <summary>The credit would take a risk factor above its absolute cap.</summary>
    public const string RiskFactorAbsoluteCap = "pool.risk_factor_absolute_cap";

    /// <summary>The credit would take a risk factor above its relative cap.</summary>
    public const string RiskFactorRelativeCap = "pool.risk_factor_relative_cap";

    /// <summary>A draw names no risk factor.</summary>
    public const string RiskFactorsRequired = "pool.risk_factors_required";

    /// <summary>The vault has recalled credit due and may not draw more.</summary>
    public const string RecallOutstanding = "pool.recall_outstanding";

    /// <summary>The vault exists under another protocol or chain.</summary>
    public const string VaultMismatch = "pool.vault_mismatch";

    /// <summary>A repayment above the debt.</summary>
    public const string RepayExceedsDebt = "pool.repay_exceeds_debt";

    /// <summary>The holder has no shares.</summary>
    public const string UnknownHolder = "pool.unknown_holder";

    /// <summary>The vault has no credit line.</summary>
    public const string UnknownVault = "pool.unknown_vault";

    /// <summary>The pool has no liquidity record on the chain.</summary>
    public const string UnknownChain = "pool.unknown_chain";

    /// <summary>A move names the same chain twice.</summary>
    public const string SameChain = "pool.same_chain";

    /// <summary>The caps are out of range.</summary>
    public const string CapsInvalid = "pool.caps_invalid";
}
