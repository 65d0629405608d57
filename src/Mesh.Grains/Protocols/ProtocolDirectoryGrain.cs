using Mesh.Protocols;
using Orleans.Runtime;

namespace Mesh.Grains.Protocols;

/// <summary>One partition of the protocol directory.</summary>
internal sealed class ProtocolDirectoryGrain([PersistentState("protocol-directory")] IPersistentState<ProtocolDirectoryState> state) : Grain, IProtocolDirectoryGrain
{
    private const int MaxPage = 10_000;

    public async Task Add(string protocolId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protocolId);
        if (!state.State.Ids.Add(protocolId))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Ids.Remove(protocolId);
            throw;
        }
    }

    public Task<IReadOnlyList<string>> List(string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPage + 1);
        var ids = state.State.Ids;
        IEnumerable<string> view = after is null || ids.Count == 0
            ? ids
            : string.CompareOrdinal(after, ids.Max) >= 0 ? [] : ids.GetViewBetween(after, ids.Max!).Where(id => string.CompareOrdinal(id, after) > 0);
        return Task.FromResult<IReadOnlyList<string>>([.. view.Take(limit)]);
    }
}
