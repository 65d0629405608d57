namespace Mesh.Silo.Hosting;

/// <summary>The <c>--help</c> text: every setting, its default and how to set it.</summary>
internal static class SiloHelp
{
    public static readonly (string Key, string Default, string Description)[] Settings =
    [
        ("Urls", "http://127.0.0.1:5080", "HTTP endpoint(s) of the API and health checks (also ASPNETCORE_URLS)."),
        ("Mesh:DataDirectory", "data", "Folder of the single node's SQLite state file; locked while the silo runs."),
        ("Mesh:ChainsFile", "chains.json", "Chains, tokens and bridge routes (validated against chains.schema.json at start)."),
        ("Mesh:SiloName", "<host>-<pid>", "This silo's name in the membership table and telemetry."),
        ("Mesh:Storage:Provider", "Sqlite", "Sqlite (single node, localhost clustering) or PostgreSql (a cluster: membership, state, reminders)."),
        ("Mesh:Storage:ConnectionString", "Data Source=<DataDirectory>/mesh.db", "Connection string; required for PostgreSql."),
        ("Mesh:Orleans:ClusterId", "mesh", "Silos with the same ClusterId and ServiceId form one cluster."),
        ("Mesh:Orleans:ServiceId", "mesh", "Grain state and reminders are keyed by it; keep it across deployments."),
        ("Mesh:Orleans:SiloPort", "11111", "Port silos call each other on."),
        ("Mesh:Orleans:GatewayPort", "30000", "Port Orleans clients connect to."),
        ("Mesh:Orleans:ListenAddress", "127.0.0.1", "Address the silo and gateway ports listen on (0.0.0.0 in a container)."),
        ("Mesh:Orleans:AdvertisedHost", "127.0.0.1", "Host name or address other silos use to reach this one (a name is resolved at start)."),
        ("Mesh:Orleans:Kubernetes", "false", "Run as a Kubernetes pod (Orleans' UseKubernetesHosting): name, address and cluster ids from POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID; needs PostgreSql."),
        ("Mesh:Orleans:GrainDirectory", "Distributed", "Distributed (strongly consistent) or Default (Orleans' eventually consistent directory)."),
        ("Mesh:Orleans:GrainDirectoryLeaseDuration", "00:00:00", "Distributed directory: how long a crashed silo's grains stay unregistrable (0 = answer as soon as it is declared dead)."),
        ("Mesh:Orleans:ResponseTimeout", "00:00:30", "Deadline of a grain call."),
        ("Mesh:Orleans:CollectionAge", "00:15:00", "Idle time after which an activation is collected (at least 00:01:00)."),
        ("Mesh:Orleans:Membership:ProbeTimeout", "00:00:00.500", "Failure detection: initial probe timeout (then adapted to measured round trips)."),
        ("Mesh:Orleans:Membership:MinProbeTimeout", "00:00:00.250", "Failure detection: shortest probe timeout and probe period."),
        ("Mesh:Orleans:Membership:MaxProbeTimeout", "00:00:01.500", "Failure detection: longest probe timeout, also when this silo is degraded."),
        ("Mesh:Orleans:Membership:NumMissedProbesLimit", "2", "Failure detection: missed probes before a silo votes another dead."),
        ("Mesh:Orleans:Membership:TableRefreshTimeout", "00:00:10", "How often each silo re-reads the membership table."),
        ("Mesh:Orleans:Membership:<any>", "(Orleans)", "Any other ClusterMembershipOptions property, by its Orleans name."),
        ("Mesh:Api:MaxRequestBodyBytes", "65536", "Largest request body; a larger one gets 413 request.body_too_large."),
        ("Mesh:Api:OperatorKeyFile", "<DataDirectory>/operator.key", "Where the first operator API key is written (mode 0600) when no operator key exists."),
        ("Mesh:Api:KeyPepper", "(unset)", "Secret mixed into API key hashes (HMAC-SHA-256); changing it invalidates every key."),
        ("Mesh:Api:KeyCacheDuration", "00:00:05", "How long a silo trusts a validated key; a revocation reaches other silos within it."),
        ("Mesh:Api:IdempotencyLease", "00:00:30", "How long an idempotent request may run before a retry may run it again."),
        ("Mesh:Api:DefaultPageSize", "50", "Page size of lists without ?limit."),
        ("Mesh:Api:MaxPageSize", "500", "Largest ?limit."),
        ("Mesh:Api:RateLimit:TokenLimit", "100", "Per API key: burst of requests (token bucket)."),
        ("Mesh:Api:RateLimit:TokensPerPeriod", "50", "Per API key: requests regained every ReplenishmentPeriod."),
        ("Mesh:Api:RateLimit:ReplenishmentPeriod", "00:00:01", "How often the buckets refill."),
        ("Mesh:Api:RateLimit:AnonymousTokenLimit", "20", "Per remote address without a valid key: burst."),
        ("Mesh:Api:RateLimit:AnonymousTokensPerPeriod", "10", "Per remote address without a valid key: requests regained every period."),
        ("Mesh:Protocols:AutoApproveUpTo", "(unset)", "Highest requested tier admitted without an operator (Conservative, Standard, Aggressive); unset sends every join to an operator."),
        ("Mesh:Risk:BandMin / BandMax", "1.25 / 1.6", "Target health band: below it a vault raises a need, above it collateral can be released."),
        ("Mesh:Risk:Haircut:Confidence", "0.99", "Confidence of the haircut's price risk."),
        ("Mesh:Risk:Haircut:LiquidationHorizonDays", "1", "Liquidation horizon of haircuts."),
        ("Mesh:Risk:Haircut:TailDegreesOfFreedom", "4", "Student-t tail of the haircut's price risk (the backtested model's); empty for a normal tail."),
        ("Mesh:Risk:AntiProcyclical:Buffer / MaxRisePerHour", "0 / (unset)", "Anti-procyclical haircuts: a floor at the through-the-cycle haircut (long-run volatility) times 1 + Buffer (EMIR's is 0.25), and the most a haircut may rise an hour, in haircut points."),
        ("Mesh:Risk:ExpectedShortfallPaths", "4000", "Monte Carlo paths of a vault's expected shortfall (run when its book changes)."),
        ("Mesh:Risk:CrossAssetCorrelation", "0.7", "Correlation assumed between two underlyings."),
        ("Mesh:Risk:DailyVolumeUsd:<asset>", "(DefaultDailyVolumeUsd 500000000)", "Market depth per asset for the impact part of haircuts."),
        ("Mesh:Oracles:DefaultSources", "feed-1, feed-2, feed-3", "Sources each asset's oracle accepts (an oracle-feeder key's principal is its source)."),
        ("Mesh:Oracles:DefaultFallbackVolatility", "0.8", "Annualized volatility used until an oracle has history."),
        ("Mesh:Oracles:SimulatedFeed:Enabled", "false", "Run the simulated price feed: sources sim-1..3 push a moving price for every asset (dev and demos)."),
        ("Mesh:Oracles:SimulatedFeed:Interval", "00:00:05", "How often the simulated sources observe."),
        ("Mesh:Oracles:ChainFeeds:Enabled", "on with Mode=Evm", "Read chains.json's priceFeeds (AggregatorV3) as one more source of each asset's oracle, named chain:<chain>."),
        ("Mesh:Oracles:ChainFeeds:PollInterval", "00:00:05", "How often each on-chain price feed is read."),
        ("Mesh:Oracles:SimulatedFeed:StartPrices:<asset> / Volatility:<asset>", "WETH 2000 / 0.6, USDC 1 / 0.01", "Where each asset's simulated path starts (unless its oracle has a price) and how much it moves (annualized)."),
        ("Mesh:InterestRates:BaseRate / Slope1 / Slope2", "0 / 0.04 / 0.75", "The pools' kinked borrow-rate curve (annual)."),
        ("Mesh:InterestRates:OptimalUtilization / ReserveFactor", "0.8 / 0.1", "The curve's kink and the reserve's share of interest."),
        ("Mesh:Pools:RetainAcknowledgedFor", "01:00:00", "How long a pool keeps an answer after the vault has recorded it (then the operation id is forgotten); keep it above Mesh:Orleans:ResponseTimeout."),
        ("Mesh:Rebalancing:CostOfDelay / PermanentImpactShare / ImpactHalfLife / DriftWindow", "true / 0.667 / 00:10:00 / 00:05:00", "Adaptive coordinators also grant, while the oracle's price falls, what is cheaper to sell now than after the book heals (up to the static caps)."),
        ("Mesh:Rebalancing:Markets:<market>:ImpactHalfLife", "ImpactHalfLife", "How fast the hole a market's sales leave heals, for its adaptive capacity and cost of delay (a perp book can heal at its own rate)."),
        ("Mesh:Rebalancing:Markets:<market>:SharesSpotRoom", "true", "A perp market (<asset>-PERP) under the adaptive policy grants no more than its underlying's spot room beside the spot grants in flight (the basis trade carries its flow into spot)."),
        ("Mesh:Rebalancing:SpilloverGate", "true", "Adaptive spot coordinators grant a round only when the margin its sales free (the sellers' haircut, less the execution cost) is at least what their permanent impact marks off the rest of the mesh's holdings of the asset (summed from its revaluation partitions)."),
        ("Mesh:Rebalancing:SpeedDependentImpact", "false", "Adaptive capacity and the cost of delay on a book that refills at ImpactHalfLife: the depth recent sales consumed deepens the hole linearly beyond what one recovery time reveals."),
        ("Mesh:Rebalancing:Allocation:StableAssets", "USDC, USDT, DAI", "Assets that count as stable in the allocation policy (in order of preference for buying); they carry no delta in hedge advice."),
        ("Mesh:Rebalancing:Allocation:CalmMinStableWeight / ElevatedMinStableWeight / StressedMinStableWeight", "0.2 / 0.4 / 0.6", "Least stable share of a vault's collateral value per volatility regime."),
        ("Mesh:Rebalancing:Allocation:Tolerance / MinimumChangeUsd", "0.05 / 1000", "How far below its floor the stable share may drift, and the smallest sale worth advising."),
        ("Mesh:Rebalancing:Hedge:BandFraction / BandUsd / MinimumHedgeUsd", "0.05 / 0 / 1000", "Net delta band per underlying (the largest of the fraction of collateral value, the absolute band and the minimum hedge)."),
        ("Mesh:Chains:Mode", "Simulated", "Simulated (in-memory chains) or Evm (the RPC endpoints and contract addresses of the chains file)."),
        ("Mesh:Chains:Dev", "false", "Evm dev mode: accept Hardhat's test keys (account #0 when no key is set); start local Hardhat nodes for loopback endpoints that are down, deploy, stop them on shutdown."),
        ("Mesh:Evm:SigningKeyFile", "(unset)", "File holding the mesh signer's private key (hex); the preferred source."),
        ("Mesh:Evm:SigningKey", "(unset)", "The signer's private key itself (hex); never logged. Set one of SigningKey, SigningKeyFile or the variable below."),
        ("Mesh:Evm:SigningKeyVariable", "MESH_EVM_SIGNING_KEY", "Environment variable read for the key when neither setting is given."),
        ("Mesh:Evm:TransactionStoreFile", "<DataDirectory>/evm-transactions.db", "SQLite file of the signer's nonces and signed transactions (a resent operation keeps its nonce and hash); SQLite storage only: with PostgreSql the silos share them in the database."),
        ("Mesh:Evm:ContractsDirectory", "src/Mesh.Chains/contracts", "Solidity contracts, npm packages and compiled artifacts (deploy, dev mode)."),
        ("Mesh:Evm:NodeStartTimeout", "00:01:00", "Dev mode: how long a started Hardhat node may take to answer."),
        ("Mesh:Evm:Client:<any>", "(EvmChainOptions)", "RPC timeouts, read retries, circuit breaker, fees and gas limits, by EvmChainOptions property name."),
        ("Mesh:Chains:Monitor:HaltedAfterBlocks", "5", "Block times without a new head before a chain counts as halted."),
        ("Mesh:Transfers:QuoteTtl / LockTimeout / PollInterval", "00:00:30 / 00:05:00 / 00:00:01", "How long a transfer quote may be executed, how long its lock may take to become final, how often a transfer asks its chains."),
        ("Mesh:Transfers:HaltedAfterBlocks", "5", "After how many block times without a new head a transfer counts a chain as halted (the destination's halt before the release compensates)."),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "(unset)", "Export traces, metrics and logs over OTLP to this endpoint."),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "grpc or http/protobuf."),
        ("OTEL_SERVICE_NAME", "mesh-silo", "Service name on exported telemetry."),
    ];

    public static bool IsRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static void Write(TextWriter output)
    {
        output.WriteLine("Mesh silo: a node of the cross-chain collateral mesh (Microsoft Orleans).");
        output.WriteLine();
        output.WriteLine("Usage: Mesh.Silo [--migrate-only] [--Key=Value ...]");
        output.WriteLine("       Mesh.Silo deploy [--chains chains.json] [--out path] [--force] [--Key=Value ...]");
        output.WriteLine("       Mesh.Silo simulate [options]   (see simulate --help)");
        output.WriteLine("  --migrate-only   apply the storage schema (deploy/postgres or deploy/sqlite) and exit");
        output.WriteLine("  deploy           deploy the mesh contracts to the chains file's endpoints and write their addresses into it");
        output.WriteLine();
        output.WriteLine("Settings come from appsettings.json, environment variables (Mesh__Storage__Provider=PostgreSql)");
        output.WriteLine("and the command line (--Mesh:Storage:Provider=PostgreSql), later sources winning. An unknown key under");
        output.WriteLine("Mesh: stops start-up. Exit codes: 0 stopped, 2 bad setting or chains file, 3 dependency unreachable.");
        output.WriteLine();
        var width = Settings.Max(s => s.Key.Length) + 2;
        foreach (var (key, value, description) in Settings)
        {
            output.WriteLine($"  {key.PadRight(width)}{description}");
            output.WriteLine($"  {new string(' ', width)}default: {value}");
        }

        output.WriteLine();
        output.WriteLine("Endpoints: GET /health/live, /health/ready; with the operator key, /api/operator/silo, /api/operator/cluster, /api/operator/probe?grains=N;");
        output.WriteLine("  the API under /api (key management at /api/operator/keys), described at /openapi/v1.json.");
    }
}
