using System.Numerics;

namespace Mesh.Storage.Tests.Persistence;

/// <summary>Values a Mesh state holds that JSON handles badly by default: big integers, NaN, enums.</summary>
public sealed class Amounts
{
    public BigInteger Big { get; set; }

    public UInt128 Units { get; set; }

    public double Ratio { get; set; }

    public double Undefined { get; set; }

    public DayOfWeek Day { get; set; }
}
