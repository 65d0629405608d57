using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

/// <summary>
/// The token state of a simulated chain: an ERC-20 ledger per token, the vault's per-protocol accounting, and
/// allowances to the vault. Value only moves between holders; only <see cref="Mint"/> changes a token's supply.
/// Not thread-safe: the chain calls it under its lock.
/// </summary>
internal sealed class SimulatedLedger(string vault, string bridge, bool requireAllowance)
{
    private readonly Dictionary<(string Token, string Holder), UInt128> _balances = [];
    private readonly Dictionary<(string Token, string Protocol), UInt128> _vault = [];
    private readonly Dictionary<(string Token, string Owner), UInt128> _allowances = [];
    private readonly Dictionary<string, UInt128> _minted = new(StringComparer.Ordinal);

    public UInt128 Balance(string token, string holder) => _balances.GetValueOrDefault((token, holder));

    public UInt128 VaultBalance(string token, string protocol) => _vault.GetValueOrDefault((token, protocol));

    public UInt128 Minted(string token) => _minted.GetValueOrDefault(token);

    public UInt128 TotalSupply(string token)
    {
        var total = UInt128.Zero;
        foreach (var ((held, _), amount) in _balances)
        {
            if (string.Equals(held, token, StringComparison.Ordinal))
            {
                total = checked(total + amount);
            }
        }

        return total;
    }

    public void Mint(string token, string holder, UInt128 amount)
    {
        _minted[token] = checked(Minted(token) + amount);
        _balances[(token, holder)] = Balance(token, holder) + amount;
    }

    public void Approve(string token, string owner, UInt128 amount) => _allowances[(token, owner)] = amount;

    /// <summary>Why the operation would revert now, or <see langword="null"/> when it can be applied.</summary>
    public (string Code, string Reason)? Check(ChainOperation operation)
    {
        var (token, amount) = (operation.Token, operation.Amount);
        switch (operation.Kind)
        {
            case OperationKind.Deposit:
                if (requireAllowance && _allowances.GetValueOrDefault((token, operation.Account)) < amount)
                {
                    return (ChainErrorCodes.InsufficientAllowance,
                        $"{operation.Account} approved the vault for {_allowances.GetValueOrDefault((token, operation.Account))} {token}, the deposit pulls {amount}.");
                }

                return Balance(token, operation.Account) < amount
                    ? (ChainErrorCodes.InsufficientBalance, $"{operation.Account} holds {Balance(token, operation.Account)} {token}, the deposit pulls {amount}.")
                    : null;
            case OperationKind.Withdraw:
            case OperationKind.Lock:
                return VaultBalance(token, operation.ProtocolId) < amount
                    ? (ChainErrorCodes.InsufficientVaultBalance, $"Protocol '{operation.ProtocolId}' has {VaultBalance(token, operation.ProtocolId)} {token} in the vault, the {operation.Kind.ToString().ToLowerInvariant()} takes {amount}.")
                    : null;
            default:
                return Balance(token, bridge) < amount
                    ? (ChainErrorCodes.InsufficientBridgeLiquidity, $"The bridge holds {Balance(token, bridge)} {token}, the release pays {amount}.")
                    : null;
        }
    }

    /// <summary>The addresses the tokens of an operation leave and reach.</summary>
    public (string From, string To) Route(ChainOperation operation) => operation.Kind switch
    {
        OperationKind.Deposit => (operation.Account, vault),
        OperationKind.Withdraw => (vault, operation.Account),
        OperationKind.Lock => (vault, bridge),
        _ => (bridge, vault),
    };

    /// <summary>Applies an operation that <see cref="Check"/> passed.</summary>
    public void Apply(ChainOperation operation)
    {
        var (from, to) = Route(operation);
        Move(operation.Token, from, to, operation.Amount);
        var credit = operation.Kind is OperationKind.Deposit or OperationKind.Release;
        AdjustVault(operation.Token, operation.ProtocolId, operation.Amount, credit);
        if (requireAllowance && operation.Kind == OperationKind.Deposit)
        {
            _allowances[(operation.Token, operation.Account)] -= operation.Amount;
        }
    }

    /// <summary>Reverses an applied operation; undoing in reverse order of application restores the state exactly.</summary>
    public void Undo(ChainOperation operation)
    {
        var (from, to) = Route(operation);
        Move(operation.Token, to, from, operation.Amount);
        var credit = operation.Kind is OperationKind.Deposit or OperationKind.Release;
        AdjustVault(operation.Token, operation.ProtocolId, operation.Amount, !credit);
        if (requireAllowance && operation.Kind == OperationKind.Deposit)
        {
            _allowances[(operation.Token, operation.Account)] =
                _allowances.GetValueOrDefault((operation.Token, operation.Account)) + operation.Amount;
        }
    }

    private void Move(string token, string from, string to, UInt128 amount)
    {
        _balances[(token, from)] = checked(Balance(token, from) - amount);
        _balances[(token, to)] = Balance(token, to) + amount;
    }

    private void AdjustVault(string token, string protocol, UInt128 amount, bool credit) =>
        _vault[(token, protocol)] = credit
            ? VaultBalance(token, protocol) + amount
            : checked(VaultBalance(token, protocol) - amount);
}
