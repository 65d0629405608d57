namespace Mesh.Grains.Chains;

/// <summary>How a chain grain polls its chain and classifies its health (settings section <c>Mesh:Chains:Monitor</c>).</summary>
public sealed class ChainMonitorOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "Mesh:Chains:Monitor";

    /// <summary>Gets or sets after how many block times without a new head the chain counts as halted.</summary>
    /// <value>The default is 5.</value>
    public int HaltedAfterBlocks { get; set; } = 5;

    /// <summary>Gets or sets how many block times old the head block may be before the chain counts as lagging (degraded).</summary>
    /// <value>The default is 3.</value>
    public int LaggingAfterBlocks { get; set; } = 3;

    /// <summary>Gets or sets after how many failed polls in a row the chain counts as unreachable.</summary>
    /// <value>The default is 3.</value>
    public int UnreachableAfterFailures { get; set; } = 3;

    /// <summary>Gets or sets how many successful polls in a row after a failure make the chain healthy again.</summary>
    /// <value>The default is 3.</value>
    public int RecoveredAfterPolls { get; set; } = 3;

    /// <summary>Gets or sets the recent window the RPC success and failure counts cover.</summary>
    /// <value>The default is one minute.</value>
    public TimeSpan RpcWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the shortest time between two polls; a chain with faster blocks is polled at this pace.</summary>
    /// <value>The default is 200 milliseconds.</value>
    public TimeSpan MinimumPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets how far ahead of the mesh's clock a head block's timestamp may be before the answer is rejected as invalid.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many recent block hashes the grain remembers to detect and measure reorganisations.</summary>
    /// <value>The default is 64.</value>
    public int RememberedBlocks { get; set; } = 64;

    /// <summary>Gets or sets how often, at most, the last seen head is written to storage (reorganisations are written at once).</summary>
    /// <value>The default is one minute.</value>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the first block the event index reads (the vault contract's deployment block, or 0).</summary>
    /// <value>The default is 0.</value>
    public ulong IndexFromBlock { get; set; }

    /// <summary>Gets or sets how many blocks one <c>eth_getLogs</c> call of the event index covers at most.</summary>
    /// <value>The default is 1000.</value>
    public int IndexBlockRange { get; set; } = 1000;

    /// <summary>Gets or sets how many block ranges the event index reads at most in one poll (it catches up over several polls).</summary>
    /// <value>The default is 4.</value>
    public int IndexRangesPerPoll { get; set; } = 4;

    /// <summary>Gets or sets how many operation ids of the latest final events the index remembers to refuse one applied twice.</summary>
    /// <value>The default is 4096.</value>
    public int IndexRecentOperations { get; set; } = 4096;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">Naming the first setting out of range.</exception>
    public void Validate()
    {
        Positive(HaltedAfterBlocks, nameof(HaltedAfterBlocks));
        Positive(LaggingAfterBlocks, nameof(LaggingAfterBlocks));
        Positive(UnreachableAfterFailures, nameof(UnreachableAfterFailures));
        Positive(RecoveredAfterPolls, nameof(RecoveredAfterPolls));
        Positive(RememberedBlocks, nameof(RememberedBlocks));
        Positive(RpcWindow, nameof(RpcWindow));
        Positive(MinimumPollInterval, nameof(MinimumPollInterval));
        Positive(MaxFutureSkew, nameof(MaxFutureSkew));
        Positive(PersistInterval, nameof(PersistInterval));
        Positive(IndexBlockRange, nameof(IndexBlockRange));
        Positive(IndexRangesPerPoll, nameof(IndexRangesPerPoll));
        Positive(IndexRecentOperations, nameof(IndexRecentOperations));
        if (IndexBlockRange > 100_000)
        {
            throw new ArgumentException($"{Section}:{nameof(IndexBlockRange)} must be at most 100000; it is {IndexBlockRange}.");
        }

        if (IndexRecentOperations > 1_000_000)
        {
            throw new ArgumentException($"{Section}:{nameof(IndexRecentOperations)} must be at most 1000000; it is {IndexRecentOperations}.");
        }
        if (RememberedBlocks > 10_000)
        {
            throw new ArgumentException($"{Section}:{nameof(RememberedBlocks)} must be at most 10000; it is {RememberedBlocks}.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{Section}:{name} must be greater than zero; it is {value}.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}:{name} must be greater than zero; it is {value}.");
        }
    }
}
