using System.Text.Json;
using Mesh.Errors;
using Mesh.Grains.Oracles;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Untrusted observations: every bad one is refused with its code and changes nothing.</summary>
public sealed class OracleAggregatorObserveTests
{
    public static TheoryData<string, string, MeshErrorKind> BadObservations => new()
    {
        { "empty source", OracleErrors.SourceRequired, MeshErrorKind.Validation },
        { "unknown source", OracleErrors.UnknownSource, MeshErrorKind.Forbidden },
        { "zero price", OracleErrors.PriceNotPositive, MeshErrorKind.Validation },
        { "negative price", OracleErrors.PriceNotPositive, MeshErrorKind.Validation },
        { "rounds to zero", OracleErrors.PriceNotPositive, MeshErrorKind.Validation },
        { "too many decimals", OracleErrors.DecimalsOutOfRange, MeshErrorKind.Validation },
        { "negative decimals", OracleErrors.DecimalsOutOfRange, MeshErrorKind.Validation },
        { "overflows on rescale", OracleErrors.PriceOutOfRange, MeshErrorKind.Validation },
        { "in the future", OracleErrors.TimestampInFuture, MeshErrorKind.Validation },
        { "older than heartbeat", OracleErrors.ObservationStale, MeshErrorKind.Refused },
        { "older than latest", OracleErrors.ObservationOlderThanLatest, MeshErrorKind.Refused },
        { "same time as latest", OracleErrors.ObservationOlderThanLatest, MeshErrorKind.Refused },
    };

    [Theory]
    [MemberData(nameof(BadObservations))]
    public void Observe_BadObservation_RefusedWithItsCodeAndNoStateChange(string scenario, string code, MeshErrorKind kind)
    {
        var now = Start.AddMinutes(10);
        var state = new OracleState();
        var sut = new OracleAggregator(Options(3), state);
        Feed(sut, now.AddSeconds(-20), 100m, 100m, 100m);
        var before = JsonSerializer.Serialize(state);

        var error = Assert.Throws<MeshException>(() => sut.Observe(Bad(scenario, now), now));

        Assert.Equal((code, kind), (error.Code, error.Kind));
        Assert.False(string.IsNullOrWhiteSpace(error.Field));
        Assert.Equal(before, JsonSerializer.Serialize(state));
    }

    [Fact]
    public void Observe_WithinClockSkew_Accepted()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());

        sut.Observe(new OracleObservation("s0", Price(1m), Start.AddSeconds(5)), Start);

        Assert.Equal(Start.AddSeconds(5), sut.State.Sources["s0"].ObservedAt);
    }

    [Fact]
    public void Observe_OtherDecimals_RescaledToTheAsset()
    {
        var sut = new OracleAggregator(Options(3), new OracleState());

        sut.Observe(new OracleObservation("s0", new OraclePrice(2_000_123_456_789_012_345, 18), Start), Start);
        sut.Observe(new OracleObservation("s1", new OraclePrice(2_000, 0), Start), Start);

        Assert.Equal(200_012_346, sut.State.Sources["s0"].Price);
        Assert.Equal(200_000_000_000, sut.State.Sources["s1"].Price);
    }

    private static OracleObservation Bad(string scenario, DateTimeOffset now) => scenario switch
    {
        "empty source" => new OracleObservation(" ", Price(100m), now),
        "unknown source" => new OracleObservation("mallory", Price(100m), now),
        "zero price" => new OracleObservation("s0", Price(0m), now),
        "negative price" => new OracleObservation("s0", Price(-1m), now),
        "rounds to zero" => new OracleObservation("s0", new OraclePrice(4, 18), now),
        "too many decimals" => new OracleObservation("s0", new OraclePrice(1, 19), now),
        "negative decimals" => new OracleObservation("s0", new OraclePrice(1, -1), now),
        "overflows on rescale" => new OracleObservation("s0", new OraclePrice(long.MaxValue / 10, 0), now),
        "in the future" => new OracleObservation("s0", Price(100m), now.AddSeconds(6)),
        "older than heartbeat" => new OracleObservation("s0", Price(100m), now.AddMinutes(-1).AddTicks(-1)),
        "older than latest" => new OracleObservation("s0", Price(100m), now.AddSeconds(-21)),
        "same time as latest" => new OracleObservation("s0", Price(101m), now.AddSeconds(-20)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
    };
}
