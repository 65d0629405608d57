using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>Bad inputs to the operators' chain index endpoints.</summary>
public static partial class BadInputCases
{
    private static void Chains(List<BadRequestCase> rows)
    {
        foreach (var (endpoint, path) in new[] { ("chain index", "index"), ("chain reconciliation", "reconciliation") })
        {
            void Get(string what, string chain, HttpStatusCode status, string code, string? field) =>
                rows.Add(new($"{endpoint}: {what}", HttpMethod.Get, $"/api/operator/chains/{chain}/{path}", Caller.Operator, null, status, code, field));
            Get("chain malformed", "Local_A", Bad, InvalidName, "chain");
            Get("chain of 64 characters", new string('a', 64), Bad, InvalidName, "chain");
            Get("chain unknown", "local-z", HttpStatusCode.NotFound, "chain.unknown", null);
        }
    }
}
