using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>The advice endpoints: allocation (with its <c>predictive</c> query) and hedge; the rebalancing settings.</summary>
public static partial class BadInputCases
{
    private static void Advice(List<BadRequestCase> rows)
    {
        void Get(string what, string path, HttpStatusCode status, string code, string? field) =>
            rows.Add(new($"advice: {what}", HttpMethod.Get, path, Caller.Protocol, null, status, code, field));
        Get("predictive not a boolean", $"{DomainSilo.MainVault}/allocation?predictive=maybe", Bad, InvalidParameter, "predictive");
        Get("predictive in capitals", $"{DomainSilo.MainVault}/allocation?predictive=TRUE", Bad, InvalidParameter, "predictive");
        Get("predictive as a number", $"{DomainSilo.MainVault}/allocation?predictive=1", Bad, InvalidParameter, "predictive");
        Get("allocation chain malformed", $"/api/protocols/{DomainSilo.Main}/vaults/Local_A/allocation", Bad, InvalidName, "chain");
        Get("allocation chain unknown", $"/api/protocols/{DomainSilo.Main}/vaults/local-z/allocation?predictive=false", HttpStatusCode.NotFound, "chain.unknown", null);
        Get("hedge chain malformed", $"/api/protocols/{DomainSilo.Main}/vaults/-a/hedge", Bad, InvalidName, "chain");
        Get("hedge chain unknown", $"/api/protocols/{DomainSilo.Main}/vaults/local-z/hedge", HttpStatusCode.NotFound, "chain.unknown", null);
        rows.Add(new("advice: hedge method not allowed", HttpMethod.Post, $"{DomainSilo.MainVault}/hedge", Caller.Protocol, "{}", HttpStatusCode.MethodNotAllowed, MethodNotAllowed, null));
        rows.AddRange(Generic("rebalancing", HttpMethod.Put, $"{DomainSilo.MainVault}/rebalancing", Caller.Protocol,
            [new("autoSell", "false", "\"no\""), new("predictive", "false", "0"), new("hedge", "false", "\"true\"")]));
        rows.Add(new("rebalancing: chain unknown", HttpMethod.Put, $"/api/protocols/{DomainSilo.Main}/vaults/local-z/rebalancing", Caller.Protocol, "{\"autoSell\":false,\"predictive\":false,\"hedge\":false}", HttpStatusCode.NotFound, "chain.unknown", null));
        rows.Add(new("rebalancing: hedge without a perp venue", HttpMethod.Put, $"{DomainSilo.MainVault}/rebalancing", Caller.Protocol, "{\"autoSell\":false,\"predictive\":false,\"hedge\":true}", HttpStatusCode.UnprocessableEntity, "rebalancing.no_perp_venue", "hedge"));
    }
}
