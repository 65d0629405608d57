using Microsoft.Extensions.Logging;

namespace Mesh.Silo.Api;

/// <summary>The log messages of the operator endpoints (event ids 5400-5409).</summary>
internal static partial class OperatorLog
{
    [LoggerMessage(5400, LogLevel.Information, "Probe: {Grains} grains answered from {Silos} silo(s) in {ElapsedMs} ms")]
    public static partial void Probed(ILogger logger, int grains, int silos, double elapsedMs);
}
