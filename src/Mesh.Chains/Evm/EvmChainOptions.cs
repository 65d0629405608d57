namespace Mesh.Chains.Evm;

/// <summary>How an EVM chain client talks to its nodes, signs and pays for transactions.</summary>
public sealed class EvmChainOptions
{
    /// <summary>The file of the transaction store (SQLite) that keeps each operation's nonce and signed transaction.</summary>
    /// <value>The default is <c>mesh-evm-transactions.db</c> in the current directory.</value>
    public string TransactionStorePath { get; set; } = "mesh-evm-transactions.db";

    /// <summary>How long one RPC attempt against one endpoint may take.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times an idempotent read is retried (with jittered exponential back-off) after every endpoint failed.</summary>
    /// <value>The default is 2.</value>
    public int ReadRetries { get; set; } = 2;

    /// <summary>The first back-off delay of a read retry.</summary>
    /// <value>The default is 100 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The share of failed calls to one endpoint, within <see cref="CircuitSamplingDuration"/>, that opens its circuit.</summary>
    /// <value>The default is 0.5.</value>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls an endpoint must have had within <see cref="CircuitSamplingDuration"/> before its circuit can open.</summary>
    /// <value>The default is 3.</value>
    public int CircuitMinimumThroughput { get; set; } = 3;

    /// <summary>The window over which an endpoint's failures are counted.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit keeps its endpoint out of use before one trial call.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The EIP-1559 maximum fee per gas of every transaction, in wei (fees are set explicitly, never estimated).</summary>
    /// <value>The default is 50 gwei.</value>
    public ulong MaxFeePerGas { get; set; } = 50_000_000_000;

    /// <summary>The EIP-1559 priority fee (tip) per gas of every transaction, in wei.</summary>
    /// <value>The default is 1 gwei.</value>
    public ulong MaxPriorityFeePerGas { get; set; } = 1_000_000_000;

    /// <summary>The gas limit of a vault operation (no estimation, so that a reverting operation is still mined and reported).</summary>
    /// <value>The default is 300,000.</value>
    public ulong OperationGasLimit { get; set; } = 300_000;

    /// <summary>The gas limit of a contract deployment or set-up transaction.</summary>
    /// <value>The default is 6,000,000.</value>
    public ulong DeploymentGasLimit { get; set; } = 6_000_000;

    /// <summary>The first block searched for the vault's events (the vault's deployment block).</summary>
    /// <value>The default is 0.</value>
    public ulong LogsFromBlock { get; set; }

    /// <summary>Checks the options; throws naming the first bad setting.</summary>
    /// <exception cref="ArgumentException">When a setting is out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(TransactionStorePath), nameof(TransactionStorePath), "must name a file");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive");
        Require(ReadRetries is >= 0 and <= 10, nameof(ReadRetries), "must be 0 to 10");
        Require(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), "must not be negative");
        Require(CircuitFailureRatio is > 0 and <= 1, nameof(CircuitFailureRatio), "must be in (0, 1]");
        Require(CircuitMinimumThroughput >= 2, nameof(CircuitMinimumThroughput), "must be at least 2");
        Require(CircuitSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitSamplingDuration), "must be at least 500 ms");
        Require(CircuitBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitBreakDuration), "must be at least 500 ms");
        Require(MaxFeePerGas >= MaxPriorityFeePerGas, nameof(MaxFeePerGas), "must not be less than MaxPriorityFeePerGas");
        Require(OperationGasLimit >= 21_000, nameof(OperationGasLimit), "must be at least 21,000");
        Require(DeploymentGasLimit >= 21_000, nameof(DeploymentGasLimit), "must be at least 21,000");
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"EVM chain option {setting} {rule}.", setting);
        }
    }
}
