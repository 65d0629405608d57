using Mesh.Simulation.Scenarios;

namespace Mesh.Simulation.Tests.Scenarios;

/// <summary>Reading scenarios from CSV: formats, derived depth and errors that name the line and column.</summary>
public sealed class ScenarioLoaderTests
{
    private static Scenario Load(string csv) => ScenarioLoader.FromCsv(new StringReader(csv), "test");

    [Fact]
    public void FromCsv_IsoTimestamps_StepsAtOffsetsFromTheFirstRow()
    {
        var sut = Load("timestamp,price\n2022-11-08T00:00:00Z,1567.52\n2022-11-08T00:00:15Z,1560.10\n2022-11-08T00:01:00Z,1501.77\n");

        Assert.Equal(new DateTimeOffset(2022, 11, 8, 0, 0, 0, TimeSpan.Zero), sut.Start);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)], sut.Steps.Select(s => s.Offset));
        Assert.Equal([1567.52m, 1560.10m, 1501.77m], sut.Steps.Select(s => s.Price));
        Assert.All(sut.Steps, s => Assert.Equal(1.0, s.DepthMultiplier));
        Assert.Equal("test", sut.Name);
    }

    [Fact]
    public void FromCsv_UnixSecondsOffsetsAndSpaceSeparatedIso_AgreeWithUtcIso()
    {
        var unix = Load("timestamp,price\n1667865600,10\n1667869200,11\n");
        var offset = Load("timestamp,price\n2022-11-08T02:00:00+02:00,10\n2022-11-08 01:00:00,11\n");

        Assert.Equal(new DateTimeOffset(2022, 11, 8, 0, 0, 0, TimeSpan.Zero), unix.Start);
        Assert.Equal(unix.Start, offset.Start);
        Assert.Equal(unix.Steps, offset.Steps);
    }

    [Fact]
    public void FromCsv_DepthColumn_IsTheMultiplier()
    {
        var sut = Load("timestamp,price,depth\n0,3000,1\n15,2900,0.8\n30,2800,0.3\n");

        Assert.Equal([1.0, 0.8, 0.3], sut.Steps.Select(s => s.DepthMultiplier));
    }

    [Fact]
    public void FromCsv_AmmReserves_DepthIsThePoolsLiquidityAgainstTheFirstRow()
    {
        // L = √(x·y): 100 × 300,000 → 50 × 150,000 halves it; 25 × 300,000 is half of it too, at a higher price.
        var sut = Load("timestamp,price,reserve_base,reserve_quote\n0,3000,100,300000\n60,3000,50,150000\n120,12000,25,300000\n");

        Assert.Equal(1.0, sut.Steps[0].DepthMultiplier, 12);
        Assert.Equal(0.5, sut.Steps[1].DepthMultiplier, 12);
        Assert.Equal(Math.Sqrt(25.0 * 300_000 / 30_000_000), sut.Steps[2].DepthMultiplier, 12);
        Assert.Equal(50m, sut.Steps[1].ReserveBase);
        Assert.Equal(150_000m, sut.Steps[1].ReserveQuote);
    }

    [Fact]
    public void FromCsv_DepthAndReserves_TheDepthColumnWins()
    {
        var sut = Load("timestamp,price,depth,reserve_base,reserve_quote\n0,3000,1,100,300000\n60,3000,0.9,50,150000\n");

        Assert.Equal(0.9, sut.Steps[1].DepthMultiplier);
    }

    [Fact]
    public void FromCsv_HeaderInAnyOrderAndCase_CommentsBlankLinesAndQuotesSkipped()
    {
        var sut = Load("# a comment\n\n\"Price\", TIMESTAMP\n\"3000.5\",0\n\n# another\n2999,60\n");

        Assert.Equal([3000.5m, 2999m], sut.Steps.Select(s => s.Price));
    }

    [Theory]
    [InlineData("timestamp,price\n0,10\n60,-5\n", 3, "price", "-5 is not above zero")]
    [InlineData("timestamp,price\n0,10\n60,0\n", 3, "price", "0 is not above zero")]
    [InlineData("timestamp,price\n0,abc\n", 2, "price", "'abc' is not a number")]
    [InlineData("timestamp,price\n0,NaN\n", 2, "price", "'NaN' is not a number")]
    [InlineData("timestamp,price\n0,10\n60,11\n60,12\n", 4, "timestamp", "timestamps must strictly increase")]
    [InlineData("timestamp,price\n60,10\n0,11\n", 3, "timestamp", "timestamps must strictly increase")]
    [InlineData("timestamp,price\nyesterday,10\n", 2, "timestamp", "'yesterday' is neither an ISO-8601 time")]
    [InlineData("timestamp,price\n11/08/2022,10\n", 2, "timestamp", "is neither an ISO-8601 time")]
    [InlineData("timestamp,price,depth\n0,10,0\n", 2, "depth", "0 is not above zero")]
    [InlineData("timestamp,price,depth\n0,10,Infinity\n", 2, "depth", "'Infinity' is not a finite number")]
    [InlineData("timestamp,price,reserve_base,reserve_quote\n0,10,1,-1\n", 2, "reserve_quote", "-1 is not above zero")]
    [InlineData("timestamp,price,volume\n0,10,5\n", 1, "volume", "unknown column 'volume'")]
    [InlineData("timestamp,price,price\n0,10,5\n", 1, "price", "'price' appears twice")]
    [InlineData("timestamp,depth\n0,1\n", 1, "price", "the header has no 'price' column")]
    [InlineData("timestamp,price,reserve_base\n0,10,5\n", 1, "reserve_quote", "come together")]
    [InlineData("timestamp,price\n0,10,5\n", 2, null, "3 fields, but the header has 2")]
    public void FromCsv_BadInput_NamesTheLineColumnAndProblem(string csv, int line, string? column, string problem)
    {
        var e = Assert.Throws<ScenarioException>(() => Load(csv));

        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Line {line}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("timestamp,price\n")]
    public void FromCsv_NoRows_IsAnErrorForTheWholeFile(string csv)
    {
        var e = Assert.Throws<ScenarioException>(() => Load(csv));

        Assert.Equal(0, e.Line);
    }

    [Fact]
    public void FromCsv_Path_NamesTheScenarioAfterTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crash-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "timestamp,price\n0,10\n1,9\n");
        try
        {
            var sut = ScenarioLoader.FromCsv(path);

            Assert.Equal(Path.GetFileNameWithoutExtension(path), sut.Name);
            Assert.Equal(path, sut.Source);
            Assert.Equal(TimeSpan.FromSeconds(1), sut.Duration);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
