using FsCheck;
using FsCheck.Fluent;

namespace Mesh.Grains.Tests.Pools;

/// <summary>Base-unit amounts for property tests: tiny ones, where rounding shows, up to 10^30.</summary>
internal static class Amounts
{
    /// <summary>Any amount from 0 to about 10^30, with tiny amounts often.</summary>
    public static Gen<UInt128> Any { get; } =
        from magnitude in Gen.Choose(0, 30)
        from mantissa in Gen.Choose(0, 1_000_000)
        from low in Gen.Choose(0, 999)
        select magnitude < 3 ? (UInt128)(uint)low : ((UInt128)(uint)mantissa * Pow10(magnitude - 3)) + (uint)low;

    /// <summary>An amount from 1 to about 10^30.</summary>
    public static Gen<UInt128> Positive { get; } = Any.Select(a => a == UInt128.Zero ? UInt128.One : a);

    private static UInt128 Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
