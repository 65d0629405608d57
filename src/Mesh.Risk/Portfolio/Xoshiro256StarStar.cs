using System.Numerics;

namespace Mesh.Risk.Portfolio;

/// <summary>xoshiro256** (Blackman-Vigna) seeded through SplitMix64, with Box-Muller standard normals.</summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    internal Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    internal ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in (0, 1): 53 random bits, offset by half an ulp so 0 never occurs.</summary>
    internal double NextOpenUnit() => ((NextUInt64() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    internal double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextOpenUnit()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextOpenUnit());
        _spare = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
