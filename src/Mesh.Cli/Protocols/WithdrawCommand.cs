using Mesh.Cli.Hosting;

namespace Mesh.Cli.Protocols;

/// <summary><c>mesh protocol withdraw</c>: withdraws from the vault to the protocol's account (refused below the health band).</summary>
internal sealed class WithdrawCommand(CliEnvironment environment) : MovementCommand(environment, "withdrawals");
