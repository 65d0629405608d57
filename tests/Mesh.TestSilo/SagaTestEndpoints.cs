using Mesh.Chains.Simulated;
using Mesh.Grains.Vaults;

namespace Mesh.TestSilo;

/// <summary>
/// Endpoints for the credit saga's crash tests: arm this process's <see cref="SagaCrashCheckpoint"/>, and fund an
/// account on this process's simulated chain (each silo process has its own in-memory chains, unless it runs on a
/// ChainNode, where the funding goes to the node).
/// </summary>
public static class SagaTestEndpoints
{
    /// <summary>Maps <c>POST /test/saga/crash?step=&amp;op=</c> and <c>POST /test/chain/fund?chain=&amp;account=&amp;token=&amp;amount=</c>.</summary>
    /// <param name="app">The application.</param>
    public static void MapSagaTestEndpoints(this WebApplication app)
    {
        app.MapPost("/test/saga/crash", (SagaStep step, string op, SagaCrashCheckpoint checkpoint) =>
        {
            checkpoint.Arm(op, step);
            return TypedResults.Ok(new { armed = op, step = step.ToString(), pid = Environment.ProcessId });
        });
        app.MapPost("/test/chain/fund", (string chain, string account, string token, string amount, ISimulatedChainProvider chains) =>
        {
            chains.GetSimulated(chain).Fund(account, token, UInt128.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
            return TypedResults.NoContent();
        });
    }
}
