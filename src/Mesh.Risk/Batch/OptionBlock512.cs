using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mesh.Risk.Batch;

/// <summary>Eight options loaded from an <see cref="OptionBatch"/> for the AVX-512 kernels (twin of <see cref="OptionBlock"/>).</summary>
internal readonly struct OptionBlock512
{
    internal readonly Vector512<double> Spot;
    internal readonly Vector512<double> Strike;
    internal readonly Vector512<double> Rate;
    internal readonly Vector512<double> Yield;
    internal readonly Vector512<double> Vol;
    internal readonly Vector512<double> Time;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private OptionBlock512(in OptionBatch batch, int i)
    {
        var n = (nuint)i;
        Spot = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Spot), n);
        Strike = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Strike), n);
        Rate = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Rate), n);
        Yield = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.DividendYield), n);
        Vol = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Volatility), n);
        Time = Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Time), n);
    }

    /// <summary>Loads options <c>i .. i+7</c>; the caller guarantees <c>i + 8 ≤ batch.Length</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static OptionBlock512 Load(in OptionBatch batch, int i) => new(batch, i);

    /// <summary>Throws, naming the offending input, unless every lane is inside the pricing domain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Validate(int index)
    {
        var zero = Vector512<double>.Zero;
        var inf = Vector512.Create(double.PositiveInfinity);
        var bad = ~(Vector512.GreaterThan(Spot, zero) & Vector512.LessThan(Spot, inf))
            | ~(Vector512.GreaterThan(Strike, zero) & Vector512.LessThan(Strike, inf))
            | ~(Vector512.GreaterThanOrEqual(Vol, zero) & Vector512.LessThan(Vol, inf))
            | ~(Vector512.GreaterThanOrEqual(Time, zero) & Vector512.LessThan(Time, inf))
            | ~Vector512.Equals(Rate - Rate, zero)
            | ~Vector512.Equals(Yield - Yield, zero);
        if (bad != Vector512<double>.Zero)
        {
            Throw(index);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Throw(int index)
    {
        for (var lane = 0; lane < 8; lane++)
        {
            Options.OptionGuard.Market(Spot[lane], Strike[lane], Rate[lane], Yield[lane], Vol[lane], Time[lane]);
        }

        throw new InvalidOperationException($"Validation mask and scalar validation disagree near option {index}.");
    }
}
