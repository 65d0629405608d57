using Mesh.Chains;
using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>What one poll or reclassification changed, for the grain to log and persist.</summary>
/// <param name="Previous">The health before.</param>
/// <param name="Health">The health after.</param>
/// <param name="Reason">Why the chain has that health.</param>
/// <param name="Reorg">The reorganisation the poll found, if any.</param>
/// <param name="Failure">The failure of the poll, if it failed (a failed call or a rejected answer).</param>
/// <param name="Initial">Whether this was the first poll of the monitor (<paramref name="Previous"/> is then only a placeholder).</param>
internal sealed record ChainPollOutcome(ChainHealth Previous, ChainHealth Health, string Reason, ChainReorg? Reorg, ChainClientException? Failure, bool Initial = false)
{
    public bool HealthChanged => Previous != Health;
}
