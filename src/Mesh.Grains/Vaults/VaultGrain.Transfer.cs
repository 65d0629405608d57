using Mesh.Errors;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>
/// A cross-chain transfer's two sides in the books of the protocol's vaults. The transfer's saga drives them: the
/// source vault lets go of the amount before the lock is sent and takes it back if the transfer is compensated; the
/// destination vault expects the release before it is sent and counts it once it is final. In between, the
/// conservation audit counts the amount in transit by the chains' own record of the lock, the refund and the release.
/// The vault never drives these operations itself (they are the saga's), so they keep no reminder of the vault's.
/// </summary>
internal sealed partial class VaultGrain
{
    public async Task<OperationReceipt> TransferOut(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.CheckTransfer(movement, Chain);
        RequireMainVault();
        if (Existing(movement, OperationKind.TransferOut) is { } existing)
        {
            return existing;
        }

        await RequireMember("transfer collateral to another chain", allowSuspended: true, cancellationToken);
        RequireBalance(movement, "transfer");
        await EnsureHealthyAfter(movement, draw: false, cancellationToken);
        await Record(movement, OperationKind.TransferOut, debit: true, cancellationToken, remind: false);
        return state.State.Operations[movement.OperationId];
    }

    public async Task<OperationReceipt?> EndTransferOut(string operationId, UInt128 returned, CancellationToken cancellationToken = default)
    {
        if (Recorded(operationId, OperationKind.TransferOut) is not { } op || op.Status != OperationStatus.Pending)
        {
            return Recorded(operationId, OperationKind.TransferOut);
        }

        if (returned != UInt128.Zero && returned != op.Amount)
        {
            throw MeshException.Invalid("returned", "transfer.partial_return", $"Transfer operation {operationId} took {op.Amount} {op.Asset}; what comes back is all of it or nothing, not {returned}.");
        }

        return await EndTransfer(op, returned == UInt128.Zero ? OperationStatus.Completed : OperationStatus.Failed, credit: returned, cancellationToken);
    }

    public async Task<OperationReceipt> ExpectTransferIn(VaultMovement movement, CancellationToken cancellationToken = default)
    {
        MovementValidator.CheckTransfer(movement, Chain);
        RequireMainVault();
        if (Existing(movement, OperationKind.TransferIn) is { } existing)
        {
            return existing;
        }

        await Record(movement, OperationKind.TransferIn, debit: false, cancellationToken, remind: false);
        return state.State.Operations[movement.OperationId];
    }

    public async Task<OperationReceipt?> EndTransferIn(string operationId, bool released, CancellationToken cancellationToken = default)
    {
        if (Recorded(operationId, OperationKind.TransferIn) is not { } op || op.Status != OperationStatus.Pending)
        {
            return Recorded(operationId, OperationKind.TransferIn);
        }

        return await EndTransfer(op, released ? OperationStatus.Completed : OperationStatus.Failed, credit: released ? op.Amount : UInt128.Zero, cancellationToken);
    }

    /// <summary>Whether an operation is one the transfer's saga drives (the vault's own resume leaves it alone).</summary>
    private static bool IsTransfer(OperationReceipt op) => op.Kind is OperationKind.TransferOut or OperationKind.TransferIn;

    /// <summary>A transfer moves the protocol's balance in the chain's vault contract: only the protocol's main vault on the chain keeps it.</summary>
    private void RequireMainVault()
    {
        if (Key.Account is not null)
        {
            throw MeshException.Invalid("vault", "vault.not_main", $"Vault {Key} is a sub-account; a cross-chain transfer moves the protocol's main vault ({Key.ProtocolId}/{Key.Chain}).");
        }
    }

    private OperationReceipt? Recorded(string operationId, OperationKind kind)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        if (!state.State.Operations.TryGetValue(operationId, out var op))
        {
            return null;
        }

        return op.Kind == kind
            ? op
            : throw new MeshException(MeshErrorKind.Conflict, "operation.id_reused", $"Operation {operationId} is a {op.Kind}, not a {kind}.", "operationId");
    }

    /// <summary>Ends a transfer's operation in one write, crediting <paramref name="credit"/>; a failed write leaves it as it was.</summary>
    private async Task<OperationReceipt> EndTransfer(OperationReceipt op, OperationStatus status, UInt128 credit, CancellationToken cancellationToken)
    {
        var s = state.State;
        var known = s.Balances.TryGetValue(op.Asset, out var balance);
        var done = op with { Status = status, Reason = status == OperationStatus.Failed ? "transfer.compensated" : null, UpdatedAt = time.GetUtcNow() };
        s.Operations[op.OperationId] = done;
        s.Balances[op.Asset] = checked(balance + credit);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.Operations[op.OperationId] = op;
            if (known)
            {
                s.Balances[op.Asset] = balance;
            }
            else
            {
                s.Balances.Remove(op.Asset);
            }

            throw;
        }

        if (credit > UInt128.Zero)
        {
            await EnsureRegistered(cancellationToken);
        }

        return done;
    }
}
