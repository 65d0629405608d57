using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>Join, approve, reject, suspend, operator keys and the faucet.</summary>
public static partial class BadInputCases
{
    private static readonly BodyField[] JoinFields =
    [
        new("protocolId", "\"bi-join-x\"", "5"),
        new("name", "\"Join X\"", "5"),
        new("chains", "[\"local-a\"]", "\"local-a\""),
        new("contact", "\"ops@example.org\"", "[]"),
        new("requestedTier", "\"standard\"", "1"),
        new("account", "\"0x00000000000000000000000000000000000000e1\"", "{}"),
    ];

    private static readonly BodyField[] ReasonFields = [new("reason", "\"a reason\"", "5")];

    private static readonly BodyField[] KeyFields =
    [
        new("role", "\"router\"", "5"),
        new("principal", "\"bi-router-x\"", "[\"bi\"]", Required: false, NullCode: InvalidName),
        new("name", "\"label\"", "5", Required: false, NullCode: null),
    ];

    private static readonly BodyField[] FaucetFields =
    [
        new("chain", "\"local-a\"", "5"),
        new("token", "\"WETH\"", "true"),
        new("account", $"\"{DomainSilo.MainAccount}\"", "5"),
        new("amount", "\"1\"", "true", WrongTypeCode: InvalidAmount, NullCode: InvalidAmount),
    ];

    private static void Protocols(List<BadRequestCase> rows)
    {
        const string join = "/api/protocols";
        rows.AddRange(Generic("join", HttpMethod.Post, join, Caller.Anonymous, JoinFields));
        void Join(string what, string field, string? value, HttpStatusCode status, string code, string? at = null) =>
            rows.Add(new($"join: {what}", HttpMethod.Post, join, Caller.Anonymous, With(JoinFields, field, value), status, code, at == "" ? null : at ?? field));
        Join("protocolId with a capital", "protocolId", "\"Bad-id\"", Bad, "protocol.malformed_id");
        Join("protocolId of one character", "protocolId", "\"a\"", Bad, "protocol.malformed_id");
        Join("protocolId with a leading hyphen", "protocolId", "\"-ab\"", Bad, "protocol.malformed_id");
        Join("protocolId of 33 characters", "protocolId", Quote(new string('a', 33)), Bad, "protocol.malformed_id");
        Join("protocolId empty", "protocolId", "\"\"", Bad, "protocol.malformed_id");
        Join("protocolId already joined", "protocolId", Quote(DomainSilo.Main), HttpStatusCode.Conflict, "protocol.already_joined", "");
        Join("name empty", "name", "\"\"", Bad, "protocol.malformed_name");
        Join("name with a leading space", "name", "\" Join\"", Bad, "protocol.malformed_name");
        Join("name of 65 characters", "name", Quote(new string('n', 65)), Bad, "protocol.malformed_name");
        Join("name with a control character", "name", "\"a\\u0007b\"", Bad, "protocol.malformed_name");
        Join("chains empty", "chains", "[]", Bad, "protocol.no_chains");
        Join("chains with an unknown chain", "chains", "[\"local-z\"]", Bad, "chain.unknown", "chains[0]");
        Join("chains with a chain twice", "chains", "[\"local-a\",\"local-a\"]", Bad, "protocol.duplicate_chain", "chains[1]");
        Join("chains with a number", "chains", "[1]", Bad, InvalidField, "chains[0]");
        Join("contact not an address", "contact", "\"nobody\"", Bad, "protocol.malformed_contact");
        Join("contact plain http", "contact", "\"http://delta.example\"", Bad, "protocol.malformed_contact");
        Join("contact without a domain dot", "contact", "\"ops@example\"", Bad, "protocol.malformed_contact");
        Join("contact with a space", "contact", "\"ops @example.org\"", Bad, "protocol.malformed_contact");
        Join("requestedTier unknown", "requestedTier", "\"ultra\"", Bad, InvalidField);
        Join("requestedTier empty", "requestedTier", "\"\"", Bad, InvalidField);
        Join("account short", "account", "\"0x12\"", Bad, "protocol.malformed_account");
        Join("account without 0x", "account", Quote(new string('0', 42)), Bad, "protocol.malformed_account");
        Join("account not hex", "account", Quote("0x" + new string('z', 40)), Bad, "protocol.malformed_account");

        var pending = $"/api/operator/protocols/{DomainSilo.Pending}";
        var main = $"/api/operator/protocols/{DomainSilo.Main}";
        BodyField[] approveFields = [new("tier", "\"standard\"", "1", Required: false)];
        rows.AddRange(Generic("approve", HttpMethod.Post, $"{pending}/approve", Caller.Operator, approveFields).Where(r => !r.Name.EndsWith("null tier", StringComparison.Ordinal)));
        rows.Add(new("approve: tier unknown", HttpMethod.Post, $"{pending}/approve", Caller.Operator, "{\"tier\":\"ultra\"}", Bad, InvalidField, "tier"));
        rows.Add(new("approve: tier above the request", HttpMethod.Post, $"{pending}/approve", Caller.Operator, "{\"tier\":\"aggressive\"}", Bad, "protocol.tier_above_request", "tier"));
        rows.Add(new("approve: an active protocol", HttpMethod.Post, $"{main}/approve", Caller.Operator, "{}", HttpStatusCode.Conflict, "protocol.wrong_status", null));
        rows.Add(new("approve: a protocol that never joined", HttpMethod.Post, "/api/operator/protocols/bi-nobody/approve", Caller.Operator, "{}", HttpStatusCode.NotFound, "protocol.not_found", null));
        foreach (var (action, path) in new[] { ("reject", $"{pending}/reject"), ("suspend", $"{main}/suspend") })
        {
            rows.AddRange(Generic(action, HttpMethod.Post, path, Caller.Operator, ReasonFields));
            rows.Add(new($"{action}: reason empty", HttpMethod.Post, path, Caller.Operator, "{\"reason\":\"\"}", Bad, "protocol.malformed_reason", "reason"));
            rows.Add(new($"{action}: reason blank", HttpMethod.Post, path, Caller.Operator, "{\"reason\":\"   \"}", Bad, "protocol.malformed_reason", "reason"));
            rows.Add(new($"{action}: reason of 501 characters", HttpMethod.Post, path, Caller.Operator, Object([("reason", Quote(new string('r', 501)))]), Bad, "protocol.malformed_reason", "reason"));
        }

        rows.Add(new("reject: an active protocol", HttpMethod.Post, $"{main}/reject", Caller.Operator, "{\"reason\":\"no\"}", HttpStatusCode.Conflict, "protocol.wrong_status", null));
        rows.Add(new("suspend: a pending protocol", HttpMethod.Post, $"{pending}/suspend", Caller.Operator, "{\"reason\":\"no\"}", HttpStatusCode.Conflict, "protocol.wrong_status", null));
        rows.Add(new("reinstate: an active protocol", HttpMethod.Post, $"{main}/reinstate", Caller.Operator, null, HttpStatusCode.Conflict, "protocol.wrong_status", null));
    }

    private static void Keys(List<BadRequestCase> rows)
    {
        const string keys = "/api/operator/keys";
        rows.AddRange(Generic("create key", HttpMethod.Post, keys, Caller.Operator, KeyFields));
        void Key(string what, string body, string code, string field) => rows.Add(new($"create key: {what}", HttpMethod.Post, keys, Caller.Operator, body, Bad, code, field));
        Key("role unknown", "{\"role\":\"king\",\"principal\":\"bi-x\"}", InvalidField, "role");
        Key("role in capitals", "{\"role\":\"Router\",\"principal\":\"bi-x\"}", InvalidField, "role");
        Key("principal missing for a router", "{\"role\":\"router\"}", InvalidName, "principal");
        Key("principal missing for a feeder", "{\"role\":\"oracle-feeder\"}", InvalidName, "principal");
        Key("principal empty", "{\"role\":\"protocol\",\"principal\":\"\"}", InvalidName, "principal");
        Key("principal with a capital", "{\"role\":\"router\",\"principal\":\"Bi-x\"}", InvalidName, "principal");
        Key("principal with a space", "{\"role\":\"router\",\"principal\":\"bi x\"}", InvalidName, "principal");
        Key("principal of 65 characters", Object([("role", "\"router\""), ("principal", Quote(new string('p', 65)))]), InvalidName, "principal");
        Key("principal on an operator key", "{\"role\":\"operator\",\"principal\":\"bi-x\"}", InvalidField, "principal");
        Key("name of 101 characters", Object([("role", "\"router\""), ("principal", "\"bi-x\""), ("name", Quote(new string('n', 101)))]), InvalidField, "name");
        Key("name with a control character", "{\"role\":\"router\",\"principal\":\"bi-x\",\"name\":\"a\\u0001b\"}", InvalidField, "name");
        rows.Add(new("list protocols: limit zero", HttpMethod.Get, "/api/operator/protocols?limit=0", Caller.Operator, null, Bad, "pagination.invalid_limit", "limit"));
        rows.Add(new("list protocols: limit not a number", HttpMethod.Get, "/api/operator/protocols?limit=ten", Caller.Operator, null, Bad, "pagination.invalid_limit", "limit"));
        rows.Add(new("list protocols: limit above the largest page", HttpMethod.Get, "/api/operator/protocols?limit=100000", Caller.Operator, null, Bad, "pagination.invalid_limit", "limit"));
        rows.Add(new("list protocols: cursor not made by the list", HttpMethod.Get, "/api/operator/protocols?cursor=bm90LWEtY3Vyc29y", Caller.Operator, null, Bad, "pagination.invalid_cursor", "cursor"));
        rows.Add(new("revoke key: id not hex", HttpMethod.Delete, $"{keys}/not-a-key-id-xyz", Caller.Operator, null, Bad, InvalidParameter, "keyId"));
        rows.Add(new("revoke key: id in capitals", HttpMethod.Delete, $"{keys}/ABCDEF0123456789", Caller.Operator, null, Bad, InvalidParameter, "keyId"));
        rows.Add(new("revoke key: id too short", HttpMethod.Delete, $"{keys}/abc", Caller.Operator, null, Bad, InvalidParameter, "keyId"));
    }

    private static void Faucet(List<BadRequestCase> rows)
    {
        const string faucet = "/api/dev/faucet";
        rows.AddRange(Generic("faucet", HttpMethod.Post, faucet, Caller.Operator, FaucetFields));
        void Fault(string what, string field, string value, string code) =>
            rows.Add(new($"faucet: {what}", HttpMethod.Post, faucet, Caller.Operator, With(FaucetFields, field, value), Bad, code, field));
        Fault("chain name malformed", "chain", "\"Local A\"", InvalidName);
        Fault("chain unknown", "chain", "\"local-z\"", "chain.unknown");
        Fault("account short", "account", "\"0x1\"", "chain.malformed_account");
        Fault("account without 0x", "account", Quote(new string('a', 42)), "chain.malformed_account");
        Fault("token unknown", "token", "\"NOPE\"", "asset.unknown");
        foreach (var (what, literal) in BadAmounts())
        {
            Fault(what, "amount", literal, InvalidAmount);
        }
    }
}
