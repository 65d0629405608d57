using Mesh.Transfers;

namespace Mesh.Grains.Transfers;

/// <summary>The transfers in flight, for operators' views; the transfers add and remove themselves.</summary>
internal sealed class TransferIndexGrain(
    [PersistentState("transfer-index")] IPersistentState<TransferIndexState> state) : Grain, ITransferIndexGrain
{
    public async Task Add(string requestId, CancellationToken cancellationToken = default)
    {
        if (state.State.InFlight.Add(requestId))
        {
            await Write(() => state.State.InFlight.Remove(requestId), cancellationToken);
        }
    }

    public async Task Remove(string requestId, CancellationToken cancellationToken = default)
    {
        if (state.State.InFlight.Remove(requestId))
        {
            await Write(() => state.State.InFlight.Add(requestId), cancellationToken);
        }
    }

    public Task<IReadOnlyList<string>> InFlight(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.InFlight]);

    private async Task Write(Action undo, CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            undo();
            throw;
        }
    }
}
