namespace Mesh.Grains.Oracles;

/// <summary>
/// The on-chain price feeds (<c>Mesh:Oracles:ChainFeeds</c>): when enabled, every feed of <c>chains.json</c> (a chain's
/// <c>priceFeeds</c>) is one more source of its asset's oracle, named <c>chain:</c> and the chain's name, with the
/// feed's heartbeat. The silo enables them on real EVM chains (<c>Mesh:Chains:Mode=Evm</c>).
/// </summary>
public sealed class ChainFeedOptions
{
    /// <summary>The prefix of a chain feed's source name; the chain's name follows it (<c>chain:local-a</c>).</summary>
    public const string SourcePrefix = "chain:";

    /// <summary>Gets or sets whether the feeds are read.</summary>
    /// <value>The default is <see langword="null"/>: read on real EVM chains (<c>Mesh:Chains:Mode=Evm</c>), not on simulated ones.</value>
    public bool? Enabled { get; set; }

    /// <summary>Gets or sets how often each feed is read (a new round is pushed to the oracle once).</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The source name of the feeds of a chain.</summary>
    /// <param name="chain">The chain name.</param>
    /// <returns><c>chain:</c> and the name.</returns>
    public static string SourceName(string chain) => SourcePrefix + chain;

    /// <summary>Checks the settings, naming the first one out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"Mesh:Oracles:ChainFeeds:PollInterval must be from 100 ms to 1 hour; it is {PollInterval}.");
        }
    }
}
