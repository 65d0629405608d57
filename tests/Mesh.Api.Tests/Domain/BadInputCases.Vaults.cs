using System.Net;
using static Mesh.Api.Problems.ApiErrorCodes;

namespace Mesh.Api.Tests.Domain;

/// <summary>Movements, exposures, observations and path parameters.</summary>
public static partial class BadInputCases
{
    private static readonly (string Path, string Name)[] MovementPaths = [("deposits", "deposit"), ("withdrawals", "withdrawal"), ("draws", "draw"), ("repayments", "repayment"), ("supplies", "supply"), ("redemptions", "redemption")];

    private static readonly BodyField[] MovementFields =
    [
        new("asset", "\"WETH\"", "5"),
        new("amount", "\"1\"", "true", WrongTypeCode: InvalidAmount, NullCode: InvalidAmount),
    ];

    private static readonly BodyField[] ObservationFields =
    [
        new("price", "2000", "\"2000\""),
        new("observedAt", Quote(TimeProvider.System.GetUtcNow().ToString("O")), "12"),
    ];

    private static void Movements(List<BadRequestCase> rows)
    {
        foreach (var (movement, name) in MovementPaths)
        {
            var path = $"{DomainSilo.MainVault}/{movement}";
            rows.AddRange(Generic(name, HttpMethod.Post, path, Caller.Protocol, MovementFields, idempotent: true));
            void Fault(string what, string body, HttpStatusCode status, string code, string? field, string at = "", bool idempotent = true, string? key = null) =>
                rows.Add(new($"{name}: {what}", HttpMethod.Post, at.Length == 0 ? path : at, Caller.Protocol, body, status, code, field, idempotent, IdempotencyKey: key));
            foreach (var (what, literal) in BadAmounts())
            {
                Fault(what, With(MovementFields, "amount", literal), Bad, InvalidAmount, "amount");
            }

            Fault("asset unknown", "{\"asset\":\"NOPE\",\"amount\":\"1\"}", Bad, "asset.unknown", "asset");
            Fault("asset the native coin", "{\"asset\":\"ETH\",\"amount\":\"1\"}", Bad, "asset.unknown", "asset");
            Fault("asset empty", "{\"asset\":\"\",\"amount\":\"1\"}", Bad, "asset.unknown", "asset");
            Fault("no Idempotency-Key", "{\"asset\":\"WETH\",\"amount\":\"1\"}", Bad, KeyRequired, "Idempotency-Key", idempotent: false);
            Fault("Idempotency-Key of 256 characters", "{\"asset\":\"WETH\",\"amount\":\"1\"}", Bad, KeyInvalid, "Idempotency-Key", key: new string('k', 256));
            Fault("Idempotency-Key with a space", "{\"asset\":\"WETH\",\"amount\":\"1\"}", Bad, KeyInvalid, "Idempotency-Key", key: "a b");
            Fault("chain name malformed", "{\"asset\":\"WETH\",\"amount\":\"1\"}", Bad, InvalidName, "chain", $"/api/protocols/{DomainSilo.Main}/vaults/Local_A/{movement}");
            Fault("chain unknown", "{\"asset\":\"WETH\",\"amount\":\"1\"}", HttpStatusCode.NotFound, "chain.unknown", null, $"/api/protocols/{DomainSilo.Main}/vaults/local-z/{movement}");
            Fault("chain not joined", "{\"asset\":\"WETH\",\"amount\":\"1\"}", HttpStatusCode.UnprocessableEntity, "protocol.chain_not_joined", null, $"/api/protocols/{DomainSilo.Main}/vaults/local-b/{movement}");

            Fault("null body", "null", Bad, MalformedJson, null);
            Fault("empty body", "", Bad, MalformedJson, null);
        }

        rows.Add(new("withdrawal: more than the balance", HttpMethod.Post, $"{DomainSilo.MainVault}/withdrawals", Caller.Protocol,
            "{\"asset\":\"WETH\",\"amount\":\"20000000000000000000\"}", HttpStatusCode.UnprocessableEntity, "vault.insufficient_balance", "amount", Idempotent: true));
    }

    private static void Exposures(List<BadRequestCase> rows)
    {
        var path = $"{DomainSilo.MainVault}/exposures";
        void Book(string what, string body, HttpStatusCode status, string code, string? field) =>
            rows.Add(new($"exposures: {what}", HttpMethod.Put, path, Caller.Protocol, body, status, code, field));
        string Of(params string[] positions) => $"{{\"exposures\":[{string.Join(",", positions)}]}}";
        rows.AddRange(Generic("exposures", HttpMethod.Put, path, Caller.Protocol, [new("exposures", $"[{DomainSilo.PerpJson()}]", "\"x\"")]));
        Book("exposures an object", "{\"exposures\":{}}", Bad, InvalidField, "exposures");
        Book("more than 500", Of([.. Enumerable.Range(0, 501).Select(i => DomainSilo.PerpJson($"p{i}"))]), Bad, "exposure.too_many", "exposures");
        Book("duplicate ids", Of(DomainSilo.OptionJson("x1"), DomainSilo.PerpJson("x1")), Bad, "exposure.duplicate_id", "exposures[1].id");
        Book("chain name malformed", Of(DomainSilo.PerpJson()), Bad, InvalidName, "chain");
        rows[^1] = rows[^1] with { Path = $"/api/protocols/{DomainSilo.Main}/vaults/LOCAL-A/exposures" };

        // Each fault of an option at exposures[0], and of a perp at exposures[1] after a valid option.
        var option = Fields(DomainSilo.OptionJson());
        var perp = Fields(DomainSilo.PerpJson());
        (string What, string Field, string? Value, string Code)[] optionFaults =
        [
            ("size zero", "size", "0", "exposure.size_out_of_range"),
            ("size negative", "size", "-1", "exposure.size_out_of_range"),
            ("size too large", "size", "1000000000001", "exposure.size_out_of_range"),
            ("size as string", "size", "\"20\"", InvalidField),
            ("strike zero", "strike", "0", "exposure.strike_out_of_range"),
            ("strike negative", "strike", "-1800", "exposure.strike_out_of_range"),
            ("strike missing", "strike", null, "exposure.strike_out_of_range"),
            ("strike as bool", "strike", "true", InvalidField),
            ("expiry in the past", "expiry", Quote(TimeProvider.System.GetUtcNow().AddDays(-1).ToString("O")), "exposure.expiry_not_future"),
            ("expiry missing", "expiry", null, "exposure.expiry_not_future"),
            ("expiry not a date", "expiry", "\"soon\"", InvalidField),
            ("implied volatility zero", "impliedVolatility", "0", "exposure.volatility_out_of_range"),
            ("implied volatility negative", "impliedVolatility", "-0.5", "exposure.volatility_out_of_range"),
            ("implied volatility above 10", "impliedVolatility", "10.01", "exposure.volatility_out_of_range"),
            ("right missing", "right", null, "exposure.missing_right"),
            ("right unknown", "right", "\"straddle\"", InvalidField),
            ("kind unknown", "kind", "\"future\"", InvalidField),
            ("side unknown", "side", "\"flat\"", InvalidField),
            ("underlying unknown", "underlying", "\"NOPE\"", "asset.unknown"),
            ("id empty", "id", "\"\"", "exposure.malformed_id"),
            ("id of 65 characters", "id", Quote(new string('i', 65)), "exposure.malformed_id"),
            ("id missing", "id", null, MissingField),
            ("kind missing", "kind", null, MissingField),
            ("underlying missing", "underlying", null, MissingField),
            ("size missing", "size", null, MissingField),
            ("side missing", "side", null, MissingField),
        ];
        foreach (var (what, field, value, code) in optionFaults)
        {
            Book($"option {what}", Of(Object(Replace(option, field, value))), Bad, code, $"exposures[0].{field}");
        }

        Book("option with entryPrice", Of(Object([.. option, ("entryPrice", "1950")])), Bad, "exposure.field_not_allowed", "exposures[0].entryPrice");
        Book("option with an unknown field", Of(Object([.. option, ("notional", "1")])), Bad, UnknownField, "exposures[0].notional");
        (string What, string Field, string? Value, string Code)[] perpFaults =
        [
            ("size zero", "size", "0", "exposure.size_out_of_range"),
            ("size negative", "size", "-2", "exposure.size_out_of_range"),
            ("entryPrice missing", "entryPrice", null, "exposure.entry_price_out_of_range"),
            ("entryPrice zero", "entryPrice", "0", "exposure.entry_price_out_of_range"),
            ("entryPrice negative", "entryPrice", "-1", "exposure.entry_price_out_of_range"),
            ("underlying unknown", "underlying", "\"NOPE\"", "asset.unknown"),
        ];
        foreach (var (what, field, value, code) in perpFaults)
        {
            Book($"perp {what}", Of(DomainSilo.OptionJson(), Object(Replace(perp, field, value))), Bad, code, $"exposures[1].{field}");
        }

        foreach (var (field, value) in new[] { ("right", "\"call\""), ("strike", "1800"), ("expiry", Quote(TimeProvider.System.GetUtcNow().AddDays(30).ToString("O"))), ("impliedVolatility", "0.7") })
        {
            Book($"perp with option field {field}", Of(DomainSilo.OptionJson(), Object([.. perp, (field, value)])), Bad, "exposure.field_not_allowed", $"exposures[1].{field}");
        }
    }

    private static void Observations(List<BadRequestCase> rows)
    {
        const string path = "/api/oracles/WETH/observations";
        rows.AddRange(Generic("observation", HttpMethod.Post, path, Caller.Feeder, ObservationFields));
        void Fault(string what, string field, string value, HttpStatusCode status, string code) =>
            rows.Add(new($"observation: {what}", HttpMethod.Post, path, Caller.Feeder, With(ObservationFields, field, value), status, code, field));
        Fault("price zero", "price", "0", Bad, "oracle.price_not_positive");
        Fault("price negative", "price", "-2000", Bad, "oracle.price_not_positive");
        Fault("price with 9 decimals", "price", "2000.123456789", Bad, "oracle.too_many_decimals");
        Fault("price beyond decimal", "price", "1e40", Bad, InvalidField);
        Fault("observedAt an hour ahead", "observedAt", Quote(TimeProvider.System.GetUtcNow().AddHours(1).ToString("O")), Bad, "oracle.timestamp_in_future");
        Fault("observedAt not a date", "observedAt", "\"yesterday\"", Bad, InvalidField);
        rows.Add(new("observation: asset name malformed", HttpMethod.Post, "/api/oracles/W$ETH/observations", Caller.Feeder, Object(ObservationFields.Select(f => (f.Name, f.Valid))), Bad, InvalidName, "asset"));
    }

    private static void Paths(List<BadRequestCase> rows)
    {
        void Get(string what, string path, Caller caller, HttpStatusCode status, string code, string? field) =>
            rows.Add(new($"path: {what}", HttpMethod.Get, path, caller, null, status, code, field));
        Get("pool asset malformed", "/api/pools/W$ETH", Caller.Router, Bad, InvalidName, "asset");
        Get("pool asset of 33 characters", "/api/pools/" + new string('A', 33), Caller.Router, Bad, InvalidName, "asset");
        Get("oracle asset malformed", "/api/oracles/-WETH", Caller.Router, Bad, InvalidName, "asset");
        Get("health chain malformed", $"/api/protocols/{DomainSilo.Main}/vaults/Local_A/health", Caller.Protocol, Bad, InvalidName, "chain");
        Get("exposures chain malformed", $"/api/protocols/{DomainSilo.Main}/vaults/-a/exposures", Caller.Protocol, Bad, InvalidName, "chain");
        Get("health chain unknown", $"/api/protocols/{DomainSilo.Main}/vaults/local-z/health", Caller.Protocol, HttpStatusCode.NotFound, "chain.unknown", null);
        Get("exposures chain unknown", $"/api/protocols/{DomainSilo.Main}/vaults/local-z/exposures", Caller.Protocol, HttpStatusCode.NotFound, "chain.unknown", null);
        Get("pool asset unknown", "/api/pools/NOPE", Caller.Router, HttpStatusCode.NotFound, "asset.unknown", null);
        Get("oracle asset unknown", "/api/oracles/NOPE", Caller.Router, HttpStatusCode.NotFound, "asset.unknown", null);
        Get("operation unknown", $"{DomainSilo.MainVault}/operations/nope", Caller.Protocol, HttpStatusCode.NotFound, "operation.not_found", null);
        Get("protocol unknown", "/api/protocols/bi-nobody", Caller.Operator, HttpStatusCode.NotFound, "protocol.not_found", null);
        Get("no such route", "/api/nothing-here", Caller.Operator, HttpStatusCode.NotFound, RouteNotFound, null);
        rows.Add(new("path: method not allowed", HttpMethod.Delete, "/api/pools/WETH", Caller.Operator, null, HttpStatusCode.MethodNotAllowed, MethodNotAllowed, null));
    }

    /// <summary>The top-level fields of a JSON object literal, in order.</summary>
    private static List<(string Name, string Value)> Fields(string json) =>
        [.. System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText()))];

    private static IEnumerable<(string Name, string Value)> Replace(IEnumerable<(string Name, string Value)> fields, string name, string? value) =>
        fields.Where(f => f.Name != name || value is not null).Select(f => f.Name == name ? (f.Name, value!) : f);
}
