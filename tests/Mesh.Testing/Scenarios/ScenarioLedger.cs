namespace Mesh.Testing.Scenarios;

/// <summary>
/// What the scenario expects, from the movements it saw complete (each idempotency key once) and the funds it minted:
/// vault balances, the chain vault's holdings, the pools' free liquidity and credit, the accounts' balances.
/// </summary>
public sealed class ScenarioLedger
{
    private readonly Dictionary<string, ScenarioMovement> _completed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Token), UInt128> _funded = [];

    /// <summary>Gets the completed movements, by idempotency key.</summary>
    public IReadOnlyCollection<ScenarioMovement> Completed
    {
        get
        {
            lock (_completed)
            {
                return [.. _completed.Values];
            }
        }
    }

    /// <summary>Records a completed movement; the same key twice counts once (and must be the same movement).</summary>
    /// <param name="movement">The movement.</param>
    public void Complete(ScenarioMovement movement)
    {
        lock (_completed)
        {
            if (_completed.TryGetValue(movement.IdempotencyKey, out var known))
            {
                Xunit.Assert.Equal(known, movement);
                return;
            }

            _completed.Add(movement.IdempotencyKey, movement);
        }
    }

    /// <summary>Records a faucet mint.</summary>
    /// <param name="account">The account.</param>
    /// <param name="token">The token.</param>
    /// <param name="amount">Base units.</param>
    public void Fund(string account, string token, UInt128 amount)
    {
        lock (_funded)
        {
            _funded[(account, token)] = _funded.GetValueOrDefault((account, token)) + amount;
        }
    }

    /// <summary>A vault's expected balance: deposits + draws − repayments − supplies.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="asset">The asset.</param>
    /// <returns>Base units.</returns>
    public UInt128 VaultBalance(string protocol, string asset) =>
        Sum(protocol, asset, ScenarioMovement.Deposit, ScenarioMovement.Draw) - Sum(protocol, asset, ScenarioMovement.Repay, ScenarioMovement.Supply);

    /// <summary>What the chain's vault holds for a protocol: its deposits.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="asset">The asset.</param>
    /// <returns>Base units.</returns>
    public UInt128 OnChain(string protocol, string asset) => Sum(protocol, asset, ScenarioMovement.Deposit);

    /// <summary>A pool's expected free liquidity: supplies − draws + repayments.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>Base units.</returns>
    public UInt128 PoolFree(string asset) => Sum(null, asset, ScenarioMovement.Supply, ScenarioMovement.Repay) - Sum(null, asset, ScenarioMovement.Draw);

    /// <summary>The principal a pool has lent out: draws − repayments.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>Base units.</returns>
    public UInt128 Principal(string asset) => Sum(null, asset, ScenarioMovement.Draw) - Sum(null, asset, ScenarioMovement.Repay);

    /// <summary>An account's expected balance on the chain: minted − deposited.</summary>
    /// <param name="protocol">The protocol whose account it is.</param>
    /// <param name="token">The token.</param>
    /// <returns>Base units.</returns>
    public UInt128 AccountBalance(ScenarioProtocol protocol, string token)
    {
        lock (_funded)
        {
            return _funded.GetValueOrDefault((protocol.Account, token)) - OnChain(protocol.Id, token);
        }
    }

    /// <summary>How much of a token the scenario minted.</summary>
    /// <param name="token">The token.</param>
    /// <returns>Base units.</returns>
    public UInt128 Minted(string token)
    {
        lock (_funded)
        {
            return _funded.Where(f => f.Key.Token == token).Aggregate(UInt128.Zero, (sum, f) => sum + f.Value);
        }
    }

    private UInt128 Sum(string? protocol, string asset, params string[] kinds) =>
        Completed.Where(m => (protocol is null || m.Protocol.Id == protocol) && m.Asset == asset && kinds.Contains(m.Kind))
            .Aggregate(UInt128.Zero, (sum, m) => sum + m.Amount);
}
