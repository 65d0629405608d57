using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>Bad inputs to the operators' pool limits.</summary>
public static partial class BadInputCases
{
    /// <summary>The valid limits the fixture's pools keep: each row below is refused and leaves them as they are.</summary>
    internal const string ValidLimits = """{"utilizationCap":0.9,"defaultRiskFactorCap":{"absolute":"340282366920938463463374607431768211455","relative":0.6}}""";

    private static readonly BodyField[] LimitFields =
    [
        new("utilizationCap", "0.9", "\"0.9\""),
        new("defaultRiskFactorCap", """{"absolute":"340282366920938463463374607431768211455","relative":0.6}""", "\"all\"", NullCode: null),
        new("protocolCaps", """{"bi-main":"1000000"}""", "[]", Required: false, NullCode: null),
    ];

    private static void Limits(List<BadRequestCase> rows)
    {
        const string path = "/api/operator/pools/USDC/limits";
        foreach (var row in Generic("pool limits", HttpMethod.Put, path, Caller.Operator, LimitFields))
        {
            rows.Add(row);
        }

        void Fault(string what, string body, string field) => rows.Add(new($"pool limits: {what}", HttpMethod.Put, path, Caller.Operator, body, Bad, "pool.caps_invalid", field));
        Fault("utilization zero", """{"utilizationCap":0,"defaultRiskFactorCap":null}""", "utilizationCap");
        Fault("utilization above one", """{"utilizationCap":1.01,"defaultRiskFactorCap":null}""", "utilizationCap");
        Fault("utilization negative", """{"utilizationCap":-0.5,"defaultRiskFactorCap":null}""", "utilizationCap");
        Fault("utilization with 19 decimals", """{"utilizationCap":0.1234567890123456789,"defaultRiskFactorCap":null}""", "utilizationCap");
        Fault("relative above one", """{"utilizationCap":0.9,"defaultRiskFactorCap":{"absolute":"1","relative":1.5}}""", "defaultRiskFactorCap.relative");
        Fault("factor of no kind", """{"utilizationCap":0.9,"defaultRiskFactorCap":null,"riskFactorCaps":{"weth":{"absolute":"1","relative":0.5}}}""", "riskFactorCaps");
        Fault("factor of an empty name", """{"utilizationCap":0.9,"defaultRiskFactorCap":null,"riskFactorCaps":{"chain:":{"absolute":"1","relative":0.5}}}""", "riskFactorCaps");
        Fault("protocol id malformed", """{"utilizationCap":0.9,"defaultRiskFactorCap":null,"protocolCaps":{"Bad Id":"1"}}""", "protocolCaps");
        rows.Add(new("pool limits: cap as a number", HttpMethod.Put, path, Caller.Operator, """{"utilizationCap":0.9,"defaultRiskFactorCap":null,"defaultProtocolCap":5}""", Bad, InvalidField, "defaultProtocolCap"));
        rows.Add(new("pool limits: cap negative", HttpMethod.Put, path, Caller.Operator, """{"utilizationCap":0.9,"defaultRiskFactorCap":null,"defaultProtocolCap":"-5"}""", Bad, InvalidField, "defaultProtocolCap"));
        rows.Add(new("pool limits: unknown asset", HttpMethod.Put, "/api/operator/pools/NOPE/limits", Caller.Operator, ValidLimits, HttpStatusCode.NotFound, "asset.unknown", null));
    }
}
