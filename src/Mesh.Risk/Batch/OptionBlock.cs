using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mesh.Risk.Batch;

/// <summary>Four options loaded from an <see cref="OptionBatch"/>, validated, with the shared intermediates.</summary>
internal readonly struct OptionBlock
{
    internal readonly Vector256<double> Spot;
    internal readonly Vector256<double> Strike;
    internal readonly Vector256<double> Rate;
    internal readonly Vector256<double> Yield;
    internal readonly Vector256<double> Vol;
    internal readonly Vector256<double> Time;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal OptionBlock(Vector256<double> spot, Vector256<double> strike, Vector256<double> rate, Vector256<double> yield, Vector256<double> vol, Vector256<double> time)
    {
        Spot = spot;
        Strike = strike;
        Rate = rate;
        Yield = yield;
        Vol = vol;
        Time = time;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static OptionBlock Load(in OptionBatch batch, int i) => new(
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Spot), (nuint)i),
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Strike), (nuint)i),
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Rate), (nuint)i),
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.DividendYield), (nuint)i),
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Volatility), (nuint)i),
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(batch.Time), (nuint)i));

    /// <summary>Loads the last <c>count</c> (&lt; 4) options, padding with a harmless at-the-money option.</summary>
    internal static OptionBlock LoadPartial(in OptionBatch batch, int i, int count)
    {
        Span<double> buffer = stackalloc double[24];
        buffer.Fill(1.0);
        batch.Spot.Slice(i, count).CopyTo(buffer);
        batch.Strike.Slice(i, count).CopyTo(buffer[4..]);
        batch.Rate.Slice(i, count).CopyTo(buffer[8..]);
        batch.DividendYield.Slice(i, count).CopyTo(buffer[12..]);
        batch.Volatility.Slice(i, count).CopyTo(buffer[16..]);
        batch.Time.Slice(i, count).CopyTo(buffer[20..]);
        return new OptionBlock(
            Vector256.Create(buffer[..4]),
            Vector256.Create(buffer[4..]),
            Vector256.Create(buffer[8..]),
            Vector256.Create(buffer[12..]),
            Vector256.Create(buffer[16..]),
            Vector256.Create(buffer[20..]));
    }

    /// <summary>Throws, naming the offending input, unless every lane is inside the pricing domain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Validate(int index)
    {
        var zero = Vector256<double>.Zero;
        var inf = Vector256.Create(double.PositiveInfinity);
        var bad = ~(Vector256.GreaterThan(Spot, zero) & Vector256.LessThan(Spot, inf))
            | ~(Vector256.GreaterThan(Strike, zero) & Vector256.LessThan(Strike, inf))
            | ~(Vector256.GreaterThanOrEqual(Vol, zero) & Vector256.LessThan(Vol, inf))
            | ~(Vector256.GreaterThanOrEqual(Time, zero) & Vector256.LessThan(Time, inf))
            | ~Vector256.Equals(Rate - Rate, zero)
            | ~Vector256.Equals(Yield - Yield, zero);
        if (bad != Vector256<double>.Zero)
        {
            Throw(index);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Throw(int index)
    {
        for (var lane = 0; lane < 4; lane++)
        {
            Options.OptionGuard.Market(Spot[lane], Strike[lane], Rate[lane], Yield[lane], Vol[lane], Time[lane]);
        }

        throw new InvalidOperationException($"Validation mask and scalar validation disagree near option {index}.");
    }
}
