using System.Globalization;
using Mesh.Chains;

namespace Mesh.Grains.Chains;

/// <summary>Decides a chain's health from its poll history; pure, worst first: unreachable, halted, degraded, healthy.</summary>
internal static class ChainHealthClassifier
{
    public static (ChainHealth Health, string Reason) Classify(ChainHealthInputs inputs, ChainMonitorOptions options)
    {
        var code = inputs.LastErrorCode ?? "no error code";
        if (!inputs.HasHead)
        {
            return inputs.FailedPollsInARow > 0
                ? (ChainHealth.Unreachable, $"The chain has not answered since the mesh started watching it ({code}).")
                : (ChainHealth.Degraded, "The chain has not been polled yet.");
        }

        if (inputs.FailedPollsInARow >= options.UnreachableAfterFailures)
        {
            return (ChainHealth.Unreachable, Invariant($"The last {inputs.FailedPollsInARow} polls failed ({code})."));
        }

        var haltAfter = inputs.BlockTime * options.HaltedAfterBlocks;
        if (inputs.SinceAdvance >= haltAfter)
        {
            return (ChainHealth.Halted, Invariant($"No new block for {inputs.SinceAdvance.TotalSeconds:0.###} s ({options.HaltedAfterBlocks} block times are {haltAfter.TotalSeconds:0.###} s)."));
        }

        if (inputs.FailedPollsInARow > 0 || inputs.GoodPollsSinceFailure < options.RecoveredAfterPolls)
        {
            return (ChainHealth.Degraded, Invariant($"RPC failures recently ({code}); {inputs.GoodPollsSinceFailure ?? 0} good polls since, {options.RecoveredAfterPolls} needed."));
        }

        var lagAfter = inputs.BlockTime * options.LaggingAfterBlocks;
        if (inputs.HeadAge > lagAfter)
        {
            return (ChainHealth.Degraded, Invariant($"The head block is {inputs.HeadAge.TotalSeconds:0.###} s old ({options.LaggingAfterBlocks} block times are {lagAfter.TotalSeconds:0.###} s)."));
        }

        return (ChainHealth.Healthy, "The chain answers and its head advances.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
