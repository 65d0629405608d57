namespace Mesh.Grains.Pools;

/// <summary>
/// Where a pool keeps its answers: per vault, since a vault's operation ids are its callers' idempotency keys and two
/// vaults may use the same one; liquidity asked without a vault is kept per holder. Answers written before they were
/// kept per vault are keyed by the id alone; <see cref="KeyByScope"/> keys them by the party they were for.
/// </summary>
internal static class PoolAnswers
{
    /// <summary>The kind of an answer to a draw.</summary>
    public const string Allocate = "allocate";

    /// <summary>The kind of an answer to a repayment.</summary>
    public const string Repay = "repay";

    /// <summary>The kind of an answer to a supply of liquidity.</summary>
    public const string Supply = "supply";

    /// <summary>The kind of an answer to a redemption of liquidity.</summary>
    public const string Redeem = "redeem";

    private const char Separator = '\u001f';

    /// <summary>The kind of the pool's answer to a vault operation; null for an operation the pool does not answer.</summary>
    public static string? KindOf(Mesh.Vaults.OperationKind kind) => kind switch
    {
        Mesh.Vaults.OperationKind.Draw => Allocate,
        Mesh.Vaults.OperationKind.Repay => Repay,
        Mesh.Vaults.OperationKind.Supply => Supply,
        Mesh.Vaults.OperationKind.Redeem => Redeem,
        _ => null,
    };

    /// <summary>Whether an answer's kind is liquidity's (the holder's, whatever vault asked).</summary>
    public static bool IsLiquidity(string kind) => kind is Supply or Redeem;

    /// <summary>The key of the answer to <paramref name="operationId"/> in <paramref name="scope"/> (a vault's key, or a holder).</summary>
    public static string Key(string scope, string operationId) => string.Concat(scope, Separator.ToString(), operationId);

    /// <summary>The holder (protocol) of a vault's key, its first segment; null when the scope is no vault's.</summary>
    public static string? Holder(string scope) => scope.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? scope[..slash] : null;

    /// <summary>
    /// The answer to an operation id in a scope; failing that, when <paramref name="holder"/> is given, an answer kept
    /// for that holder (liquidity asked without a vault, or answered before answers were kept per vault).
    /// </summary>
    public static (string Key, PoolOperation Op)? Find(Dictionary<string, PoolOperation> answers, string operationId, string scope, string? holder)
    {
        var key = Key(scope, operationId);
        if (answers.TryGetValue(key, out var op))
        {
            return (key, op);
        }

        var kept = holder is null ? null : Key(holder, operationId);
        return kept is not null && answers.TryGetValue(kept, out var old) && old.Party == holder ? (kept, old) : null;
    }

    /// <summary>Keys every answer kept by its id alone by the party it was for: the vault for credit, the holder for liquidity.</summary>
    public static void KeyByScope(Dictionary<string, PoolOperation> answers)
    {
        foreach (var (id, op) in answers.Where(a => !a.Key.Contains(Separator, StringComparison.Ordinal)).ToList())
        {
            answers.Remove(id);
            answers.TryAdd(Key(op.Party, id), op);
        }
    }
}
