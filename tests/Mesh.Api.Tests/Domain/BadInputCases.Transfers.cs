using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>Bad inputs to the routers' transfer endpoints.</summary>
public static partial class BadInputCases
{
    private static readonly BodyField[] QuoteFields =
    [
        new("protocolId", Quote(DomainSilo.Main), "5"),
        new("asset", "\"USDC\"", "5"),
        new("from", "\"local-a\"", "5"),
        new("to", "\"local-b\"", "5"),
        new("amount", "\"1000000\"", "true", WrongTypeCode: InvalidAmount, NullCode: InvalidAmount),
        new("deadlineSeconds", "600", "\"600\""),
    ];

    private static void Transfers(List<BadRequestCase> rows)
    {
        const string quote = "/api/transfers/bi-quote/quote";
        rows.AddRange(Generic("transfer quote", HttpMethod.Post, quote, Caller.Router, QuoteFields));
        void Fault(string what, string field, string? literal, HttpStatusCode status, string code, string? at = null, string? path = null) =>
            rows.Add(new($"transfer quote: {what}", HttpMethod.Post, path ?? quote, Caller.Router, With(QuoteFields, field, literal), status, code, at ?? field));
        foreach (var (what, literal) in BadAmounts())
        {
            Fault(what, "amount", literal, Bad, InvalidAmount);
        }

        Fault("asset unknown", "asset", "\"NOPE\"", Bad, "asset.unknown");
        Fault("asset malformed", "asset", "\"W$ETH\"", Bad, InvalidName);
        Fault("from unknown", "from", "\"local-z\"", Bad, "chain.unknown");
        Fault("from malformed", "from", "\"Local_A\"", Bad, InvalidName);
        Fault("to unknown", "to", "\"local-z\"", Bad, "chain.unknown");
        Fault("to the source", "to", "\"local-a\"", Bad, "route.same_chain");
        Fault("deadline zero", "deadlineSeconds", "0", Bad, "deadline.out_of_range");
        Fault("deadline negative", "deadlineSeconds", "-5", Bad, "deadline.out_of_range");
        Fault("deadline above a day", "deadlineSeconds", "86401", Bad, "deadline.out_of_range");
        Fault("deadline fractional", "deadlineSeconds", "1.5", Bad, InvalidField);
        Fault("protocol malformed", "protocolId", "\"Bad Id\"", Bad, InvalidName);
        Fault("protocol unknown", "protocolId", "\"bi-nobody\"", HttpStatusCode.NotFound, "protocol.not_found");
        Fault("protocol not on the destination", "to", "\"local-b\"", HttpStatusCode.UnprocessableEntity, "protocol.chain_not_joined");
        Fault("request id malformed", "to", "\"local-b\"", Bad, InvalidName, at: "requestId", path: "/api/transfers/-bad/quote");
        Fault("request id of 65 characters", "to", "\"local-b\"", Bad, InvalidName, at: "requestId", path: $"/api/transfers/{new string('r', 65)}/quote");
        rows.Add(new("transfer quote: null body", HttpMethod.Post, quote, Caller.Router, "null", Bad, MalformedJson, null));
        rows.Add(new("transfer quote: empty body", HttpMethod.Post, quote, Caller.Router, "", Bad, MalformedJson, null));

        void Call(string endpoint, string what, HttpMethod method, string path, HttpStatusCode status, string code, string? field, bool idempotent = false) =>
            rows.Add(new($"{endpoint}: {what}", method, path, Caller.Router, null, status, code, field, idempotent));
        Call("transfer execute", "never quoted", HttpMethod.Post, "/api/transfers/bi-never/execute", HttpStatusCode.NotFound, "transfer.not_found", null, idempotent: true);
        Call("transfer execute", "no Idempotency-Key", HttpMethod.Post, "/api/transfers/bi-never/execute", Bad, KeyRequired, "Idempotency-Key");
        Call("transfer execute", "request id malformed", HttpMethod.Post, "/api/transfers/-bad/execute", Bad, InvalidName, "requestId", idempotent: true);
        Call("transfer status", "never quoted", HttpMethod.Get, "/api/transfers/bi-never", HttpStatusCode.NotFound, "transfer.not_found", null);
        Call("transfer status", "request id malformed", HttpMethod.Get, "/api/transfers/a$b", Bad, InvalidName, "requestId");
        Call("transfer status", "request id of 65 characters", HttpMethod.Get, $"/api/transfers/{new string('s', 65)}", Bad, InvalidName, "requestId");
        Call("transfer cancel", "never quoted", HttpMethod.Post, "/api/transfers/bi-never/cancel", HttpStatusCode.NotFound, "transfer.not_found", null);
        Call("transfer cancel", "request id malformed", HttpMethod.Post, "/api/transfers/_x/cancel", Bad, InvalidName, "requestId");
        Call("transfer cancel", "request id of 65 characters", HttpMethod.Post, $"/api/transfers/{new string('c', 65)}/cancel", Bad, InvalidName, "requestId");
    }
}
