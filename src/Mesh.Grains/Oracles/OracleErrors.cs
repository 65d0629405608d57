using Mesh.Errors;

namespace Mesh.Grains.Oracles;

/// <summary>The oracle's domain failures, each with its stable code; thrown before any state changes.</summary>
internal static class OracleErrors
{
    internal const string SourceRequired = "oracle.source_required";
    internal const string UnknownSource = "oracle.unknown_source";
    internal const string PriceNotPositive = "oracle.price_not_positive";
    internal const string PriceNotFinite = "oracle.price_not_finite";
    internal const string PriceOutOfRange = "oracle.price_out_of_range";
    internal const string DecimalsOutOfRange = "oracle.decimals_out_of_range";
    internal const string TimestampInFuture = "oracle.timestamp_in_future";
    internal const string ObservationOlderThanLatest = "oracle.observation_older_than_latest";
    internal const string ObservationStale = "oracle.observation_stale";

    internal static MeshException Invalid(string field, string code, string message) => MeshException.Invalid(field, code, message);

    internal static MeshException Refused(string field, string code, string message) =>
        new(MeshErrorKind.Refused, code, message, field);

    internal static MeshException Forbidden(string field, string code, string message) =>
        new(MeshErrorKind.Forbidden, code, message, field);
}
