using Mesh.Errors;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class CreditCapsTests
{
    private static readonly UInt128 Half = FixedPoint.Wad / 2;

    // A pool with 1,000 free on chain "a" (1,200 in all) and 800 lent: 2,000 of assets.
    private static CreditExposure Exposure(UInt128? protocol = null, UInt128? factor = null) => new(
        1_000, 1_200, 800, protocol ?? 0, new Dictionary<string, UInt128> { ["eth"] = factor ?? 0 });

    private static PoolCaps Caps() => new()
    {
        UtilizationCapWad = FixedPoint.Wad,
        RiskFactorCaps = { ["eth"] = new RiskFactorCap { Absolute = UInt128.MaxValue, RelativeWad = FixedPoint.Wad } },
    };

    private static CreditRequest Request(UInt128 amount, bool partial = false) =>
        new("p1/a", "p1", "a", amount, ["eth"], partial);

    [Fact]
    public void Evaluate_WithinEveryCap_GrantsInFull()
    {
        var sut = CreditCaps.Evaluate(Request(500), Exposure(), Caps());

        Assert.Equal((UInt128)500, sut.Granted);
        Assert.Equal(CreditLimit.None, sut.Limit);
        Assert.Null(sut.Code);
    }

    [Fact]
    public void Evaluate_AboveChainLiquidity_RefusesWithInsufficientLiquidity()
    {
        var sut = CreditCaps.Evaluate(Request(1_001), Exposure(), Caps());

        AssertRefused(sut, PoolErrorCodes.InsufficientLiquidity, "Chain 'a' has 1000 free");
    }

    [Fact]
    public void Evaluate_AboveUtilizationCap_RefusesNamingTheCapAndNumbers()
    {
        var caps = Caps();
        caps.UtilizationCapWad = FixedPoint.Wad / 10 * 6; // 60% of 2,000 = 1,200 of credit, 800 out: 400 left.

        var sut = CreditCaps.Evaluate(Request(401), Exposure(), caps);

        AssertRefused(sut, PoolErrorCodes.UtilizationCap, "utilization cap 60% of pool assets 2000 allows 1200");
        Assert.Contains("400 is left, 401 was requested", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AboveProtocolCap_RefusesWithProtocolCap()
    {
        var caps = Caps();
        caps.ProtocolCaps["p1"] = 300;

        var sut = CreditCaps.Evaluate(Request(200), Exposure(protocol: 150), caps);

        AssertRefused(sut, PoolErrorCodes.ProtocolCap, "Protocol 'p1' has a cap of 300 and 150 outstanding");
    }

    [Fact]
    public void Evaluate_DefaultProtocolCap_AppliesToProtocolsWithoutAnEntry()
    {
        var caps = Caps();
        caps.DefaultProtocolCap = 100;

        Assert.Equal(PoolErrorCodes.ProtocolCap, CreditCaps.Evaluate(Request(101), Exposure(), caps).Code);
    }

    [Fact]
    public void Evaluate_AboveRiskFactorAbsoluteCap_RefusesNamingTheFactor()
    {
        var caps = Caps();
        caps.RiskFactorCaps["eth"].Absolute = 250;

        var sut = CreditCaps.Evaluate(Request(100), Exposure(factor: 200), caps);

        AssertRefused(sut, PoolErrorCodes.RiskFactorAbsoluteCap, "Risk factor 'eth' has an absolute cap of 250 and 200 outstanding");
        Assert.Equal("eth", sut.RiskFactor);
    }

    [Fact]
    public void Evaluate_AboveRiskFactorRelativeCap_RefusesWithRelativeCap()
    {
        var caps = Caps();
        caps.RiskFactorCaps["eth"].RelativeWad = Half; // 50% of 2,000 = 1,000.

        var sut = CreditCaps.Evaluate(Request(301), Exposure(factor: 700), caps);

        AssertRefused(sut, PoolErrorCodes.RiskFactorRelativeCap, "relative cap of 50% of pool assets 2000, that is 1000, and 700 outstanding");
    }

    [Fact]
    public void Evaluate_UnconfiguredRiskFactor_IsRefusedLikeAZeroCap()
    {
        var request = new CreditRequest("p1/a", "p1", "a", 1, ["eth", "sol-oracle"]);

        var sut = CreditCaps.Evaluate(request, Exposure(), Caps());

        AssertRefused(sut, PoolErrorCodes.RiskFactorAbsoluteCap, "'sol-oracle' has no caps configured");
    }

    [Fact]
    public void Evaluate_PartialAllowed_GrantsTheRoomUnderTheTightestLimit()
    {
        var caps = Caps();
        caps.ProtocolCaps["p1"] = 600;
        caps.RiskFactorCaps["eth"].Absolute = 450;

        var sut = CreditCaps.Evaluate(Request(900, partial: true), Exposure(factor: 100), caps);

        Assert.True(sut.IsPartial);
        Assert.Equal((UInt128)350, sut.Granted);
        Assert.Equal(PoolErrorCodes.RiskFactorAbsoluteCap, sut.Code);
        Assert.Contains("350 of the 900 requested", sut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PartialAllowedButNoRoom_Refuses()
    {
        var caps = Caps();
        caps.ProtocolCaps["p1"] = 100;

        var sut = CreditCaps.Evaluate(Request(50, partial: true), Exposure(protocol: 100), caps);

        AssertRefused(sut, PoolErrorCodes.ProtocolCap, "cap of 100 and 100 outstanding");
    }

    [Fact]
    public void ToException_Refusal_IsRefusedKindWithTheCodeOnAmount()
    {
        var caps = Caps();
        caps.ProtocolCaps["p1"] = 1;

        var sut = CreditCaps.Evaluate(Request(2), Exposure(), caps).ToException();

        Assert.Equal(MeshErrorKind.Refused, sut.Kind);
        Assert.Equal(PoolErrorCodes.ProtocolCap, sut.Code);
        Assert.Equal("amount", sut.Field);
    }

    private static void AssertRefused(CreditDecision decision, string code, string messagePart)
    {
        Assert.True(decision.IsRefused);
        Assert.Equal(UInt128.Zero, decision.Granted);
        Assert.Equal(code, decision.Code);
        Assert.Contains(messagePart, decision.Message, StringComparison.Ordinal);
    }
}
