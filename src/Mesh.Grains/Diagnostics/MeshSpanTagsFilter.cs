using System.Diagnostics;
using Mesh.Grains.Oracles;
using Mesh.Grains.Pools;
using Mesh.Grains.Protocols;
using Mesh.Grains.Rebalancing;
using Mesh.Grains.Transfers;
using Mesh.Grains.Vaults;
using Orleans.Runtime;

namespace Mesh.Grains.Diagnostics;

/// <summary>
/// Adds the <c>mesh.*</c> attributes (protocol, vault, chain, asset, transfer id) to the span of each incoming call of the
/// mesh's main grains, read from the grain's key; registered after Orleans' activity propagation so that the call's
/// span is current. Costs nothing when no span is recorded.
/// </summary>
internal sealed class MeshSpanTagsFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            Tag(span, context.Grain, context.TargetId);
        }

        return context.Invoke();
    }

    /// <summary>Tags <paramref name="span"/> with what the key of <paramref name="grain"/> names.</summary>
    internal static void Tag(Activity span, object grain, GrainId id)
    {
        switch (grain)
        {
            case VaultGrain:
                // protocol/chain[/account]; a malformed key is the grain's to refuse, the span only gets what is there.
                var key = id.Key.ToString() ?? "";
                var parts = key.Split('/');
                span.SetTag(GrainsDiagnostics.VaultTag, key);
                span.SetTag(GrainsDiagnostics.ProtocolTag, parts[0]);
                if (parts.Length > 1)
                {
                    span.SetTag(GrainsDiagnostics.ChainTag, parts[1]);
                }

                break;
            case CollateralPoolGrain or OracleGrain or RebalanceCoordinatorGrain:
                span.SetTag(GrainsDiagnostics.AssetTag, id.Key.ToString());
                break;
            case TransferGrain:
                span.SetTag(GrainsDiagnostics.TransferIdTag, id.Key.ToString());
                break;
            case ProtocolGrain:
                span.SetTag(GrainsDiagnostics.ProtocolTag, id.Key.ToString());
                break;
        }
    }
}
