namespace Mesh.Cli.Routers;

/// <summary>The saga's phases as the API names them, in the order a settled transfer passes them.</summary>
internal static class TransferPhases
{
    /// <summary>Quote, reserve the destination's liquidity, lock on the source, release on the destination, settle.</summary>
    public static readonly string[] Path = ["quoted", "reserved", "locking", "locked", "releasing", "released", "settled"];

    public const string Settled = "settled";

    /// <summary>Whether the transfer has ended.</summary>
    public static bool IsTerminal(string? phase) => phase is Settled or "compensated" or "failed";

    /// <summary>The API's phase in lower case (the API writes camelCase enum names).</summary>
    public static string Of(string? phase) => (phase ?? "").ToLowerInvariant();
}
