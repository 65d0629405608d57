using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mesh.Chains.Diagnostics;

/// <summary>Records one chain client call: an activity, the call counter and the duration histogram.</summary>
internal static class ChainRpcTelemetry
{
    private static readonly Counter<long> Calls =
        ChainsDiagnostics.Meter.CreateCounter<long>(ChainsDiagnostics.RpcCalls, "{call}", "Chain client calls.");

    private static readonly Histogram<double> Duration =
        ChainsDiagnostics.Meter.CreateHistogram<double>(ChainsDiagnostics.RpcDuration, "s", "Duration of chain client calls.");

    public static Activity? Start(string chainName, string method)
    {
        var activity = ChainsDiagnostics.ActivitySource.StartActivity($"chain {method}", ActivityKind.Client);
        activity?.SetTag(ChainsDiagnostics.ChainTag, chainName);
        activity?.SetTag(ChainsDiagnostics.MethodTag, method);
        return activity;
    }

    public static void Record(Activity? activity, string chainName, string method, TimeSpan elapsed, string? errorType)
    {
        var tags = new TagList
        {
            { ChainsDiagnostics.ChainTag, chainName },
            { ChainsDiagnostics.MethodTag, method },
        };
        if (errorType is not null)
        {
            tags.Add(ChainsDiagnostics.ErrorTypeTag, errorType);
            activity?.SetTag(ChainsDiagnostics.ErrorTypeTag, errorType);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
        }

        Calls.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        activity?.Dispose();
    }
}
