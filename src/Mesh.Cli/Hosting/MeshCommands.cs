using Mesh.Cli.Completion;
using Mesh.Cli.Operators;
using Mesh.Cli.Protocols;
using Mesh.Cli.Routers;

namespace Mesh.Cli.Hosting;

/// <summary>mesh's command tree.</summary>
internal static class MeshCommands
{
    public static readonly IReadOnlyList<CliNode> Tree =
    [
        CliNode.Branch(
            "protocol",
            "A protocol's membership and vaults.",
            CliNode.Command<JoinCommand, JoinSettings>("join", "Asks to join the mesh (no key needed); active at once within the automatic tiers, else pending."),
            CliNode.Command<ShowCommand, ShowSettings>("show", "Reads a protocol."),
            CliNode.Command<DepositCommand, MovementSettings>("deposit", "Deposits from the protocol's account into its vault and waits until final."),
            CliNode.Command<WithdrawCommand, MovementSettings>("withdraw", "Withdraws from the vault to the protocol's account and waits until final."),
            CliNode.Command<ExposuresCommand, ExposuresSettings>("exposures", "Lists the vault's book, or replaces it from a file (--file)."),
            CliNode.Command<HealthCommand, VaultSettings>("health", "The vault's collateral after haircuts, margin, health factor and need.")),
        CliNode.Branch(
            "router",
            "Cross-chain transfers.",
            CliNode.Command<QuoteCommand, QuoteSettings>("quote", "Prices the cheapest route that fits; the quote expires."),
            CliNode.Command<TransferCommand, ExecuteSettings>("transfer", "Executes a quoted transfer and shows its saga live until it ends."),
            CliNode.Command<StatusCommand, StatusSettings>("status", "Shows a transfer's saga live until a final phase (--once: read once)."),
            CliNode.Command<CancelCommand, TransferSettings>("cancel", "Cancels a transfer before its lock.")),
        CliNode.Branch(
            "operator",
            "Running the mesh.",
            CliNode.Command<ApproveCommand, ApproveSettings>("approve", "Approves a pending protocol; prints its API key (shown once)."),
            CliNode.Command<LimitsCommand, LimitsSettings>("limits", "Reads a pool's credit limits, or replaces them from a file (--file)."),
            CliNode.Branch("cluster", "The cluster's silos.", CliNode.Command<ClusterStatusCommand, MeshSettings>("status", "Every silo, its status and liveness.")),
            CliNode.Branch("keys", "API keys.", CliNode.Command<KeyCreateCommand, KeyCreateSettings>("create", "Creates an API key; prints it (shown once).")),
            CliNode.Command<FaucetCommand, FaucetSettings>("faucet", "Mints test tokens to an account on a simulated chain."),
            CliNode.Command<SimulateCommand, SimulateSettings>("simulate", "Runs the fire-sale simulation (the silo's simulate command; arguments after --).")),
        CliNode.Command<CompletionCommand, CompletionSettings>("completion", "Prints a shell completion script: mesh completion bash|zsh."),
    ];
}
