using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mesh.Grains.Chains;

/// <summary>The telemetry of the chain event index, on the <c>Mesh.Grains</c> activity source and meter.</summary>
internal static class ChainIndexDiagnostics
{
    public const string Name = Diagnostics.GrainsDiagnostics.Name;

    /// <summary>Counter of indexed events, tagged with the chain and the outcome (<c>final</c>, <c>tentative</c>, <c>unapplied</c>).</summary>
    public const string Events = "mesh.chain.index.events";

    /// <summary>Counter of reorganisations of indexed blocks, tagged with the chain and whether finality was broken.</summary>
    public const string Reorgs = "mesh.chain.index.reorgs";

    /// <summary>Counter of failed index steps, tagged with the chain and the error code.</summary>
    public const string Failures = "mesh.chain.index.failures";

    public const string ChainTag = Diagnostics.GrainsDiagnostics.ChainTag;
    public const string OutcomeTag = "mesh.chain.index.outcome";
    public const string FinalityBrokenTag = "mesh.chain.index.finality_broken";
    public const string NextBlockTag = "mesh.chain.index.next_block";
    public const string ErrorTypeTag = "error.type";

    private static readonly Counter<long> EventCounter = Diagnostics.GrainsDiagnostics.Meter.CreateCounter<long>(Events, "{event}", "Movement events indexed, by outcome.");
    private static readonly Counter<long> ReorgCounter = Diagnostics.GrainsDiagnostics.Meter.CreateCounter<long>(Reorgs, "{reorganisation}", "Reorganisations of indexed blocks.");
    private static readonly Counter<long> FailureCounter = Diagnostics.GrainsDiagnostics.Meter.CreateCounter<long>(Failures, "{step}", "Index steps that failed.");

    /// <summary>Starts the span of one index step (<c>chain index</c>), tagged with the chain and the block it starts from.</summary>
    public static Activity? Start(string chain, ulong nextBlock)
    {
        var activity = Diagnostics.GrainsDiagnostics.ActivitySource.StartActivity("chain index", ActivityKind.Internal);
        activity?.SetTag(ChainTag, chain);
        activity?.SetTag(NextBlockTag, (long)Math.Min(nextBlock, long.MaxValue));
        return activity;
    }

    /// <summary>Counts the events of a step (its reorganisation is counted by <see cref="Record(string, ChainIndexReorg)"/>).</summary>
    public static void Record(string chain, ChainIndexStep step)
    {
        Count(chain, "final", step.Final);
        Count(chain, "tentative", step.Tentative);
    }

    /// <summary>Counts a reorganisation handled and the tentative events it un-applied.</summary>
    public static void Record(string chain, ChainIndexReorg reorg)
    {
        ReorgCounter.Add(1, new(ChainTag, chain), new(FinalityBrokenTag, reorg.FinalityBroken));
        Count(chain, "unapplied", reorg.Unapplied);
    }

    public static void Failed(Activity? activity, string chain, string code)
    {
        FailureCounter.Add(1, new(ChainTag, chain), new(ErrorTypeTag, code));
        activity?.SetTag(ErrorTypeTag, code);
        activity?.SetStatus(ActivityStatusCode.Error, code);
    }

    private static void Count(string chain, string outcome, int count)
    {
        if (count > 0)
        {
            EventCounter.Add(count, new(ChainTag, chain), new(OutcomeTag, outcome));
        }
    }
}
