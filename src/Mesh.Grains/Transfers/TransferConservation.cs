using Mesh.Transfers;

namespace Mesh.Grains.Transfers;

/// <summary>
/// The books of one transfer must balance at every write: the lock takes the whole amount or nothing; the release pays
/// the delivered amount or nothing; a refund gives back the whole lock or nothing; and once terminal,
/// <c>Locked = Released + FeeRetained + Refunded</c> with exactly one of release and refund.
/// </summary>
internal static class TransferConservation
{
    public static void Check(string requestId, TransferState s)
    {
        if (s.Quote is not { } quote)
        {
            return;
        }

        var amount = quote.Request.Amount;
        Require(s.Locked == UInt128.Zero || s.Locked == amount, $"locked {s.Locked} is neither 0 nor the amount {amount}");
        Require(s.Released == UInt128.Zero || s.Released == quote.Delivered, $"released {s.Released} is neither 0 nor the delivered {quote.Delivered}");
        Require(s.Refunded == UInt128.Zero || s.Refunded == s.Locked, $"refunded {s.Refunded} is neither 0 nor the lock {s.Locked}");
        Require(s.Released == UInt128.Zero || s.Refunded == UInt128.Zero, $"both released {s.Released} and refunded {s.Refunded}");
        Require(s.Released == UInt128.Zero || s.Locked == amount, $"released {s.Released} without a final lock");
        switch (s.Phase)
        {
            case TransferPhase.Settled:
                Require(s.Locked == s.Released + s.FeeRetained && s.Refunded == UInt128.Zero && s.Released == quote.Delivered,
                    $"settled with locked {s.Locked}, released {s.Released}, fee {s.FeeRetained}, refunded {s.Refunded}");
                break;
            case TransferPhase.Compensated:
                Require(s.Released == UInt128.Zero && s.FeeRetained == UInt128.Zero && s.Refunded == s.Locked,
                    $"compensated with locked {s.Locked}, released {s.Released}, fee {s.FeeRetained}, refunded {s.Refunded}");
                break;
            case TransferPhase.Failed:
                Require(s.Locked == UInt128.Zero && s.Released == UInt128.Zero && s.Refunded == UInt128.Zero && !s.LockSubmitted,
                    $"failed with locked {s.Locked}, released {s.Released}, refunded {s.Refunded}");
                break;
            default:
                Require(s.FeeRetained == UInt128.Zero, $"a fee of {s.FeeRetained} before settlement");
                break;
        }

        void Require(bool holds, string what)
        {
            if (!holds)
            {
                throw new InvalidOperationException($"Transfer {requestId} breaks conservation: {what}.");
            }
        }
    }
}
