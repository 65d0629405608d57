using Mesh.Cli.Hosting;

namespace Mesh.Cli.Protocols;

/// <summary><c>mesh protocol deposit</c>: deposits from the protocol's account into its vault.</summary>
internal sealed class DepositCommand(CliEnvironment environment) : MovementCommand(environment, "deposits");
