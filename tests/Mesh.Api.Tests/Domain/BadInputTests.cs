namespace Mesh.Api.Tests.Domain;

/// <summary>
/// Hundreds of malformed requests over every endpoint (the table in <see cref="BadInputCases"/>): each gets a 4xx
/// problem with its stable code and the field at fault, and none of them changes the state.
/// </summary>
[Collection(DomainSiloCollection.Name)]
public sealed class BadInputTests(DomainSilo fixture)
{
    [Fact]
    public void Table_CoversEveryEndpoint_HasAtLeast200Rows()
    {
        var sut = BadInputCases.All;

        Assert.True(sut.Count >= 200, $"{sut.Count} rows");
        foreach (var endpoint in new[] { "join", "approve", "reject", "suspend", "deposit", "withdrawal", "draw", "repayment", "supply", "redemption", "exposures", "observation", "create key", "faucet", "path", "advice" })
        {
            Assert.True(sut.Keys.Count(k => k.StartsWith(endpoint + ":", StringComparison.Ordinal)) >= 3, endpoint);
        }
    }

    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Send_MalformedRequest_ProblemNamesCodeAndField(string name)
    {
        var row = BadInputCases.All[name];

        using var response = await fixture.SendAsync(row);

        await row.AssertAsync(response);
    }

    [Fact]
    public async Task Send_EveryMalformedRequest_StateUnchanged()
    {
        await fixture.FeedPricesAsync();
        var before = await StateSnapshot.CaptureAsync(fixture);

        var statuses = new List<string>();
        foreach (var row in BadInputCases.All.Values)
        {
            using var response = await fixture.SendAsync(row);
            statuses.Add($"{row.Name}: {(int)response.StatusCode}");
        }

        var after = await StateSnapshot.CaptureAsync(fixture);
        Assert.Equal(before, after);
        Assert.All(statuses, s => Assert.Matches(@": 4\d\d$", s));
    }
}
