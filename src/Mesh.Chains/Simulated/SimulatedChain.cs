using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Diagnostics;

namespace Mesh.Chains.Simulated;

/// <summary>
/// The simulated chain. All state sits behind one lock; blocks due by the clock are produced lazily, at the start of
/// every call, at their scheduled timestamps, so that the chain needs no timer and a fake clock drives it exactly.
/// </summary>
internal sealed partial class SimulatedChain : ISimulatedChain
{
    private readonly Lock _gate = new();
    private readonly ChainDefinition _definition;
    private readonly TimeProvider _time;
    private readonly SimulatedChainOptions _options;
    private readonly Random _random;
    private readonly SimulatedLedger _ledger;
    private readonly SimulatedFaults _faults = new();
    private readonly List<SimulatedBlock> _blocks = [];
    private readonly List<SimulatedTransaction> _mempool = [];
    private readonly Dictionary<OperationId, SimulatedTransaction> _transactions = [];
    private readonly List<MovementEvent> _events = [];
    private readonly string _vault;
    private readonly string _bridge;
    private DateTimeOffset _nextBlockAt;
    private bool _halted;

    public SimulatedChain(ChainDefinition definition, TimeProvider time, SimulatedChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _definition = definition;
        _time = time;
        _options = options;
        var seed = SimulatedHashes.ChainSeed(options.Seed, definition.Name);
        _random = new Random(seed);
        _vault = Address(definition.Contracts.Vault, "the vault contract");
        _bridge = Address(definition.Contracts.Bridge, "the bridge contract");
        _ledger = new SimulatedLedger(_vault, _bridge, options.RequireAllowance);
        var now = time.GetUtcNow();
        var genesis = new BlockHeader(0, SimulatedHashes.Genesis(definition.Name, definition.ChainId, seed, now), Bytes32.Zero, now);
        _blocks.Add(new SimulatedBlock(genesis, []));
        _nextBlockAt = now + definition.BlockTime;
    }

    public string ChainName => _definition.Name;

    public int Confirmations => _definition.Confirmations;

    public ChainDefinition Definition => _definition;

    private BlockHeader Head => _blocks[^1].Header;

    public Task<BlockHeader> GetHeadAsync(CancellationToken cancellationToken = default) =>
        CallAsync(ChainRpcMethods.GetHead, () => Head, cancellationToken);

    public Task<BlockHeader> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        CallAsync(ChainRpcMethods.GetFinalizedHead, FinalizedHead, cancellationToken);

    public Task<BlockHeader?> GetBlockAsync(ulong number, CancellationToken cancellationToken = default) =>
        CallAsync(ChainRpcMethods.GetBlock, () => number <= Head.Number ? _blocks[(int)number].Header : null, cancellationToken);

    public async Task<OperationSubmission> SubmitAsync(ChainOperation operation, CancellationToken cancellationToken = default)
    {
        var valid = ChainOperationValidator.Validate(_definition, operation);
        return await CallAsync(ChainRpcMethods.Submit, () => Submit(valid), cancellationToken, appliesOnTimeout: true).ConfigureAwait(false);
    }

    public Task<OperationStatus> GetOperationAsync(OperationId operationId, CancellationToken cancellationToken = default) =>
        CallAsync(ChainRpcMethods.GetOperation, () => Status(operationId), cancellationToken);

    public async Task<UInt128> GetBalanceAsync(string token, string account, CancellationToken cancellationToken = default)
    {
        var symbol = Token(token);
        var address = Address(account, nameof(account));
        return await CallAsync(ChainRpcMethods.GetBalance, () => _ledger.Balance(symbol, address), cancellationToken).ConfigureAwait(false);
    }

    public async Task<UInt128> GetVaultBalanceAsync(string token, string protocolId, CancellationToken cancellationToken = default)
    {
        var symbol = Token(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocolId);
        return await CallAsync(ChainRpcMethods.GetVaultBalance, () => _ledger.VaultBalance(symbol, protocolId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MovementEvent>> GetMovementsAsync(ulong fromBlock, ulong toBlock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromBlock, toBlock);
        return await CallAsync<IReadOnlyList<MovementEvent>>(ChainRpcMethods.GetMovements, () => Movements(fromBlock, toBlock), cancellationToken).ConfigureAwait(false);
    }

    private BlockHeader FinalizedHead()
    {
        var head = Head.Number;
        var confirmations = (ulong)_definition.Confirmations;
        return head >= confirmations ? _blocks[(int)(head - confirmations)].Header : _blocks[0].Header;
    }

    private OperationSubmission Submit(ChainOperation operation)
    {
        _transactions.TryGetValue(operation.Id, out var existing);
        if (existing is not null && existing.IsLive(Head.Number, _definition.Confirmations))
        {
            return existing.Operation == operation
                ? new OperationSubmission(operation.Id, existing.Hash, AlreadyKnown: true)
                : throw ChainClientException.Rejected(
                    ChainName,
                    ChainErrorCodes.OperationConflict,
                    $"Chain '{ChainName}' already holds a different operation under id {operation.Id} (transaction {existing.Hash}).");
        }

        var attempt = (existing?.Attempt ?? 0) + 1;
        var transaction = new SimulatedTransaction(operation, SimulatedHashes.Transaction(_blocks[0].Header.Hash, operation.Id, attempt), attempt);
        _transactions[operation.Id] = transaction;
        _mempool.Add(transaction);
        return new OperationSubmission(operation.Id, transaction.Hash, AlreadyKnown: false);
    }

    private OperationStatus Status(OperationId id)
    {
        if (!_transactions.TryGetValue(id, out var transaction) || transaction.State == SimulatedTransactionState.Dropped)
        {
            return new OperationStatus(id, OperationState.Unknown);
        }

        if (transaction.State == SimulatedTransactionState.Pending)
        {
            return new OperationStatus(id, OperationState.Pending, transaction.Hash);
        }

        var block = transaction.Block!;
        var confirmations = Head.Number - block.Number;
        var final = confirmations >= (ulong)_definition.Confirmations;
        var state = (final, transaction.FailureCode) switch
        {
            (false, _) => OperationState.Included,
            (true, null) => OperationState.Final,
            (true, _) => OperationState.Failed,
        };
        return new OperationStatus(
            id, state, transaction.Hash, block.Number, block.Hash, confirmations,
            transaction.FailureCode, transaction.FailureReason, transaction.Movement);
    }

    private List<MovementEvent> Movements(ulong fromBlock, ulong toBlock)
    {
        var (low, high) = (0, _events.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = _events[middle].BlockNumber < fromBlock ? (middle + 1, high) : (low, middle);
        }

        var found = new List<MovementEvent>();
        for (var i = low; i < _events.Count && _events[i].BlockNumber <= toBlock; i++)
        {
            found.Add(_events[i]);
        }

        return found;
    }

    private string Token(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _definition.FindToken(token)?.Symbol ?? throw ChainOperationValidator.UnknownToken(_definition, token);
    }

    private static string Address(string text, string what) =>
        ChainAddress.TryNormalize(text, out var address)
            ? address
            : throw new ArgumentException($"'{text}' is not an address (0x and 40 hex digits).", what);
}
