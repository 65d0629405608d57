using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Mesh.Risk.Options;

namespace Mesh.Risk.Batch;

/// <summary>
/// Black-Scholes-Merton over structure-of-arrays batches: eight options per <see cref="Vector512{T}"/> step where
/// AVX-512 is hardware accelerated, otherwise four per <see cref="Vector256{T}"/> step, and a padded final block.
/// Results agree with <see cref="BlackScholes"/> to about 1e-14 relative.
/// </summary>
public static partial class BatchBlackScholes
{
    private static readonly Vector256<double> Half = Vector256.Create(0.5);

    /// <summary>Prices every option of <paramref name="batch"/>.</summary>
    /// <param name="type">Call or put, for the whole batch.</param>
    /// <param name="batch">The options.</param>
    /// <param name="destination">Receives the prices; at least <see cref="OptionBatch.Length"/> long.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside the pricing domain.</exception>
    public static void Price(OptionType type, in OptionBatch batch, Span<double> destination)
    {
        var n = batch.Length;
        if (destination.Length < n)
        {
            throw new ArgumentException("Destination is shorter than the batch.", nameof(destination));
        }

        var start = Vector512.IsHardwareAccelerated ? PriceVector512(type, batch, destination) : 0;
        PriceVector256(type, batch, destination, start);
    }

    /// <summary>Prices options <paramref name="start"/> .. end four at a time, the last block padded.</summary>
    internal static void PriceVector256(OptionType type, in OptionBatch batch, Span<double> destination, int start)
    {
        var n = batch.Length;
        var sign = Vector256.Create(type == OptionType.Call ? 1.0 : -1.0);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var i = start;
        for (; i <= n - 4; i += 4)
        {
            var block = OptionBlock.Load(batch, i);
            block.Validate(i);
            PriceBlock(block, sign).StoreUnsafe(ref dst, (nuint)i);
        }

        if (i < n)
        {
            var block = OptionBlock.LoadPartial(batch, i, n - i);
            block.Validate(i);
            var prices = PriceBlock(block, sign);
            for (var lane = 0; i + lane < n; lane++)
            {
                destination[i + lane] = prices[lane];
            }
        }
    }

    /// <summary>Prices every option of <paramref name="batch"/> and computes delta, gamma, vega, theta and rho.</summary>
    /// <param name="type">Call or put, for the whole batch.</param>
    /// <param name="batch">The options.</param>
    /// <param name="destination">Receives the results; every span at least <see cref="OptionBatch.Length"/> long.</param>
    /// <exception cref="ArgumentException">A destination span is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside the pricing domain.</exception>
    public static void Greeks(OptionType type, in OptionBatch batch, in GreeksBatch destination)
    {
        var n = batch.Length;
        destination.Validate(n);
        var sign = Vector256.Create(type == OptionType.Call ? 1.0 : -1.0);
        var i = 0;
        for (; i <= n - 4; i += 4)
        {
            var block = OptionBlock.Load(batch, i);
            block.Validate(i);
            GreeksBlock(block, sign, destination, i, 4);
        }

        if (i < n)
        {
            var block = OptionBlock.LoadPartial(batch, i, n - i);
            block.Validate(i);
            GreeksBlock(block, sign, destination, i, n - i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PriceBlock(in OptionBlock b, Vector256<double> sign)
    {
        var sq = b.Spot * Vector256.Exp(-b.Yield * b.Time);
        var kr = b.Strike * Vector256.Exp(-b.Rate * b.Time);
        var sd = b.Vol * Vector256.Sqrt(b.Time);
        var ratio = sq / kr;
        var logRatio = Vector256.Log(ratio);
        var d1 = (logRatio / sd) + (Half * sd);
        var d2 = d1 - sd;

        // d₁² − d₂² = 2 ln(sq/kr), so exp(−d₂²/2) = exp(−d₁²/2)·sq/kr: one exponential serves both CDFs. It is
        // evaluated at the d of smaller magnitude and scaled down by the ratio (or its inverse), so the derived one
        // can only underflow where the true value does.
        var d1Smaller = Vector256.LessThanOrEqual(logRatio, Vector256<double>.Zero);
        var e = VectorNormal.ExpHalfSquare(Vector256.ConditionalSelect(d1Smaller, d1, d2));
        var scale = d1Smaller.ExtractMostSignificantBits() == 0b1111 ? ratio : Vector256.ConditionalSelect(d1Smaller, ratio, kr / sq);
        var other = e * scale;
        var e1 = Vector256.ConditionalSelect(d1Smaller, e, other);
        var e2 = Vector256.ConditionalSelect(d1Smaller, other, e);
        var price = sign * ((sq * VectorNormal.Cdf(sign * d1, e1)) - (kr * VectorNormal.Cdf(sign * d2, e2)));
        var degenerate = Vector256.Equals(sd, Vector256<double>.Zero);
        if (degenerate != Vector256<double>.Zero)
        {
            price = Vector256.ConditionalSelect(degenerate, Vector256.Max(sign * (sq - kr), Vector256<double>.Zero), price);
        }

        return price;
    }

    private static void GreeksBlock(in OptionBlock b, Vector256<double> sign, in GreeksBatch dst, int i, int count)
    {
        var dq = Vector256.Exp(-b.Yield * b.Time);
        var kr = b.Strike * Vector256.Exp(-b.Rate * b.Time);
        var sq = b.Spot * dq;
        var sqrtT = Vector256.Sqrt(b.Time);
        var sd = b.Vol * sqrtT;
        var d1 = (Vector256.Log(sq / kr) / sd) + (Half * sd);
        var d2 = d1 - sd;
        var nd1 = VectorNormal.Cdf(sign * d1);
        var krNd2 = kr * VectorNormal.Cdf(sign * d2);
        var sqPdf = sq * VectorNormal.Pdf(d1);
        var sqNd1 = sq * nd1;
        if (count == 4 && Vector256.EqualsAll(Vector256.Equals(sd, Vector256<double>.Zero), Vector256<double>.Zero))
        {
            var n = (nuint)i;
            (sign * (sqNd1 - krNd2)).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Price), n);
            (sign * dq * nd1).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Delta), n);
            (sqPdf / (b.Spot * b.Spot * sd)).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Gamma), n);
            (sqPdf * sqrtT).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Vega), n);
            ((-sqPdf * b.Vol / (sqrtT + sqrtT)) + (sign * ((b.Yield * sqNd1) - (b.Rate * krNd2)))).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Theta), n);
            (sign * b.Time * krNd2).StoreUnsafe(ref MemoryMarshal.GetReference(dst.Rho), n);
            return;
        }

        ScalarFallback(b, sign[0] > 0 ? OptionType.Call : OptionType.Put, dst, i, count);
    }

    /// <summary>Partial tail blocks and zero-variance lanes go through the scalar pricer.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScalarFallback(in OptionBlock b, OptionType type, in GreeksBatch dst, int i, int count)
    {
        for (var lane = 0; lane < count; lane++)
        {
            var g = BlackScholes.Greeks(type, b.Spot[lane], b.Strike[lane], b.Rate[lane], b.Yield[lane], b.Vol[lane], b.Time[lane]);
            (dst.Price[i + lane], dst.Delta[i + lane], dst.Gamma[i + lane]) = (g.Price, g.Delta, g.Gamma);
            (dst.Vega[i + lane], dst.Theta[i + lane], dst.Rho[i + lane]) = (g.Vega, g.Theta, g.Rho);
        }
    }
}
