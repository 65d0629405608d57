namespace Mesh.Grains.Vaults;

/// <summary>Credit a pool has recalled from the vault: kept as the pool last said, shown with the debt.</summary>
internal sealed partial class VaultGrain
{
    public async Task OnRecall(string asset, UInt128 due, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        var previous = state.State.RecallDue.GetValueOrDefault(asset);
        if (previous == due)
        {
            return;
        }

        SetRecall(asset, due);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            SetRecall(asset, previous);
            throw;
        }
    }

    private void SetRecall(string asset, UInt128 due)
    {
        if (due == UInt128.Zero)
        {
            state.State.RecallDue.Remove(asset);
        }
        else
        {
            state.State.RecallDue[asset] = due;
        }
    }
}
