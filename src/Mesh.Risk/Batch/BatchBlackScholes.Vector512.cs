using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Mesh.Risk.Options;

namespace Mesh.Risk.Batch;

/// <summary>The AVX-512 (eight options per step) price kernel; same algorithm as the <see cref="Vector256{T}"/> one.</summary>
public static partial class BatchBlackScholes
{
    private static readonly Vector512<double> Half512 = Vector512.Create(0.5);

    /// <summary>Prices the whole blocks of eight and returns how many options were priced.</summary>
    internal static int PriceVector512(OptionType type, in OptionBatch batch, Span<double> destination)
    {
        var n = batch.Length;
        var sign = Vector512.Create(type == OptionType.Call ? 1.0 : -1.0);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (; i <= n - 8; i += 8)
        {
            var block = OptionBlock512.Load(batch, i);
            block.Validate(i);
            PriceBlock512(block, sign).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PriceBlock512(in OptionBlock512 b, Vector512<double> sign)
    {
        var sq = b.Spot * Vector512.Exp(-b.Yield * b.Time);
        var kr = b.Strike * Vector512.Exp(-b.Rate * b.Time);
        var sd = b.Vol * Vector512.Sqrt(b.Time);
        var ratio = sq / kr;
        var logRatio = Vector512.Log(ratio);
        var d1 = (logRatio / sd) + (Half512 * sd);
        var d2 = d1 - sd;

        // One exponential for both CDFs, as in PriceBlock.
        var d1Smaller = Vector512.LessThanOrEqual(logRatio, Vector512<double>.Zero);
        var e = VectorNormal512.ExpHalfSquare(Vector512.ConditionalSelect(d1Smaller, d1, d2));
        var scale = d1Smaller.ExtractMostSignificantBits() == 0xFF ? ratio : Vector512.ConditionalSelect(d1Smaller, ratio, kr / sq);
        var other = e * scale;
        var e1 = Vector512.ConditionalSelect(d1Smaller, e, other);
        var e2 = Vector512.ConditionalSelect(d1Smaller, other, e);
        var price = sign * ((sq * VectorNormal512.Cdf(sign * d1, e1)) - (kr * VectorNormal512.Cdf(sign * d2, e2)));
        var degenerate = Vector512.Equals(sd, Vector512<double>.Zero);
        if (degenerate != Vector512<double>.Zero)
        {
            price = Vector512.ConditionalSelect(degenerate, Vector512.Max(sign * (sq - kr), Vector512<double>.Zero), price);
        }

        return price;
    }
}
