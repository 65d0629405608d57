using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>The books as stored, for the conservation audit.</summary>
internal sealed partial class VaultGrain
{
    public Task<VaultBooks> Books(CancellationToken cancellationToken = default)
    {
        _ = Chain; // a vault on a chain the mesh does not have is not found, as for every other read
        var s = state.State;
        var pending = s.Operations.Values.Where(o => o.Status == OperationStatus.Pending).OrderBy(o => o.OperationId, StringComparer.Ordinal).ToList();
        return Task.FromResult(new VaultBooks(
            Key,
            new Dictionary<string, UInt128>(s.Balances, StringComparer.Ordinal),
            new Dictionary<string, UInt128>(s.Debt, StringComparer.Ordinal),
            pending));
    }
}
