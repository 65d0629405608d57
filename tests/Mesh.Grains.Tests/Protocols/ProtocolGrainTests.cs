using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Protocols;

namespace Mesh.Grains.Tests.Protocols;

public sealed class ProtocolGrainTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private static JoinRequest Request(RiskTier tier = RiskTier.Standard) => new("Opyn Like", ["local-a", "local-b"], "risk@example.org", tier, "0x00000000000000000000000000000000000000A1");

    private IProtocolGrain Protocol(string id) => fixture.Client.GetGrain<IProtocolGrain>(id);

    [Fact]
    public async Task Join_AboveAutoApprovalTier_WaitsForOperatorThenApproveActivates()
    {
        var sut = Protocol("waits-" + Guid.NewGuid().ToString("N")[..8]);

        var joined = await sut.Join(Request(RiskTier.Aggressive));
        var approved = await sut.Approve(RiskTier.Standard, "op-1");

        Assert.Equal(ProtocolStatus.Pending, joined.Status);
        Assert.Null(joined.Tier);
        Assert.Equal(ProtocolStatus.Active, approved.Status);
        Assert.Equal(RiskTier.Standard, approved.Tier);
        Assert.Equal("approved by op-1", approved.StatusReason);
    }

    [Fact]
    public async Task Join_WithinAutoApprovalTier_IsActiveAtOnce()
    {
        var sut = Protocol("auto-" + Guid.NewGuid().ToString("N")[..8]);

        var joined = await sut.Join(Request(RiskTier.Conservative));

        Assert.Equal(ProtocolStatus.Active, joined.Status);
        Assert.Equal(RiskTier.Conservative, joined.Tier);
    }

    [Fact]
    public async Task Join_Twice_SameRequestIsIdempotentAndADifferentOneConflicts()
    {
        var sut = Protocol("twice-" + Guid.NewGuid().ToString("N")[..8]);
        var first = await sut.Join(Request());

        var again = await sut.Join(Request());
        var other = await Assert.ThrowsAsync<MeshException>(() => sut.Join(Request() with { Name = "Other" }));

        Assert.Equal(first with { Chains = [] }, again with { Chains = [] });
        Assert.Equal(first.Chains, again.Chains);
        Assert.Equal("protocol.already_joined", other.Code);
        Assert.Equal(MeshErrorKind.Conflict, other.Kind);
    }

    [Theory]
    [InlineData("", "name", "protocol.malformed_name")]
    [InlineData(" padded", "name", "protocol.malformed_name")]
    [InlineData("chain:nowhere", "chains[1]", "chain.unknown")]
    [InlineData("chain:dup", "chains[1]", "protocol.duplicate_chain")]
    [InlineData("chain:none", "chains", "protocol.no_chains")]
    [InlineData("contact:not-a-contact", "contact", "protocol.malformed_contact")]
    [InlineData("contact:http://plain.example.org", "contact", "protocol.malformed_contact")]
    [InlineData("tier:9", "requestedTier", "protocol.unknown_tier")]
    [InlineData("account:0x12", "account", "protocol.malformed_account")]
    [InlineData("account:0xZZ000000000000000000000000000000000000A1", "account", "protocol.malformed_account")]
    public async Task Join_BadRequest_IsRefusedNamingTheFieldAndRecordsNothing(string change, string field, string code)
    {
        var sut = Protocol("bad-" + Guid.NewGuid().ToString("N")[..8]);
        var request = change switch
        {
            "chain:nowhere" => Request() with { Chains = ["local-a", "nowhere"] },
            "chain:dup" => Request() with { Chains = ["local-a", "local-a"] },
            "chain:none" => Request() with { Chains = [] },
            _ when change.StartsWith("contact:", StringComparison.Ordinal) => Request() with { Contact = change["contact:".Length..] },
            _ when change.StartsWith("account:", StringComparison.Ordinal) => Request() with { Account = change["account:".Length..] },
            _ when change.StartsWith("tier:", StringComparison.Ordinal) => Request() with { RequestedTier = (RiskTier)int.Parse(change[5..], System.Globalization.CultureInfo.InvariantCulture) },
            _ => Request() with { Name = change },
        };

        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Join(request));

        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        Assert.Null(await sut.Read());
    }

    [Fact]
    public async Task Join_MalformedProtocolId_IsRefused()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => Protocol("Upper_Case").Join(Request()));

        Assert.Equal("protocol.malformed_id", error.Code);
    }

    [Fact]
    public async Task SuspendReinstateLeave_FollowTheLifecycleAndRefuseWrongSteps()
    {
        var sut = Protocol("life-" + Guid.NewGuid().ToString("N")[..8]);
        await sut.Join(Request(RiskTier.Conservative));

        var suspended = await sut.Suspend("margin calls unanswered");
        var wrong = await Assert.ThrowsAsync<MeshException>(() => sut.Approve(null, "op-1"));
        var reinstated = await sut.Reinstate();
        var left = await sut.Leave();
        var again = await Assert.ThrowsAsync<MeshException>(() => sut.Leave());

        Assert.Equal(ProtocolStatus.Suspended, suspended.Status);
        Assert.Equal("margin calls unanswered", suspended.StatusReason);
        Assert.Equal("protocol.wrong_status", wrong.Code);
        Assert.Equal(ProtocolStatus.Active, reinstated.Status);
        Assert.Equal(ProtocolStatus.Left, left.Status);
        Assert.Equal("protocol.not_member", again.Code);
    }

    [Fact]
    public async Task Approve_UnknownProtocol_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => Protocol("ghost-" + Guid.NewGuid().ToString("N")[..8]).Approve(null, "op-1"));

        Assert.Equal(MeshErrorKind.NotFound, error.Kind);
        Assert.Equal("protocol.not_found", error.Code);
    }

    [Fact]
    public async Task Approve_TierAboveTheRequest_IsRefused()
    {
        var sut = Protocol("above-" + Guid.NewGuid().ToString("N")[..8]);
        await sut.Join(Request(RiskTier.Standard));

        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Approve(RiskTier.Aggressive, "op-1"));

        Assert.Equal("tier", error.Field);
        Assert.Equal(ProtocolStatus.Pending, (await sut.Read())!.Status);
    }
}
