namespace Mesh.Silo.Chains;

/// <summary>The log messages of the silo's chains, the deploy command and dev mode (event ids 5300-5399). Keys never appear in them.</summary>
internal static partial class ChainsLog
{
    [LoggerMessage(5300, LogLevel.Information, "Chains: {Count} EVM chain(s) served through the vault contracts of the chains file; signer {Signer} (key from {Source}); transaction store {Store}")]
    public static partial void EvmChains(ILogger logger, int count, string signer, string source, string store);

    [LoggerMessage(5301, LogLevel.Warning, "{Warning}")]
    public static partial void KeyWarning(ILogger logger, string warning);

    [LoggerMessage(5302, LogLevel.Warning, "Chain {Chain}: {Url} does not answer ({Reason}); the silo starts and its chain grain reports the chain until it answers")]
    public static partial void Unreachable(ILogger logger, string chain, string url, string reason);

    [LoggerMessage(5303, LogLevel.Information, "Chain {Chain}: {Url} answers with chain id {ChainId}, vault {Vault} deployed")]
    public static partial void Ready(ILogger logger, string chain, string url, ulong chainId, string vault);

    [LoggerMessage(5310, LogLevel.Information, "Dev mode: installing the npm packages of {Directory} (first use; Node 22, Hardhat, solc, OpenZeppelin)")]
    public static partial void Installing(ILogger logger, string directory);

    [LoggerMessage(5311, LogLevel.Information, "Dev mode: {Step} done in {Seconds:F1} s")]
    public static partial void StepDone(ILogger logger, string step, double seconds);

    [LoggerMessage(5312, LogLevel.Information, "Dev mode: compiling the contracts into {Directory}")]
    public static partial void Compiling(ILogger logger, string directory);

    [LoggerMessage(5313, LogLevel.Information, "Dev mode: chain {Chain} is down at {Url}; starting a local Hardhat node (chain id {ChainId}, a block every {BlockTimeMs} ms and on every transaction)")]
    public static partial void StartingNode(ILogger logger, string chain, string url, ulong chainId, long blockTimeMs);

    [LoggerMessage(5314, LogLevel.Information, "Dev mode: chain {Chain}: Hardhat node (pid {Pid}) answers at {Url} after {Seconds:F1} s")]
    public static partial void NodeStarted(ILogger logger, string chain, int pid, string url, double seconds);

    [LoggerMessage(5315, LogLevel.Information, "Chain {Chain}: deploying the mesh contracts ({Tokens} test token(s), the vault and its bridge escrow) as {Deployer}")]
    public static partial void Deploying(ILogger logger, string chain, int tokens, string deployer);

    [LoggerMessage(5316, LogLevel.Information, "Chain {Chain}: deployed vault {Vault}, bridge {Bridge}, tokens {Tokens} in {Seconds:F1} s")]
    public static partial void Deployed(ILogger logger, string chain, string vault, string bridge, string tokens, double seconds);

    [LoggerMessage(5317, LogLevel.Information, "Dev mode: the silo serves the deployed chains file {Path}")]
    public static partial void EffectiveChains(ILogger logger, string path);

    [LoggerMessage(5318, LogLevel.Warning, "Dev mode: the local chains started empty, but the data folder {Directory} holds state of an earlier run whose chain balances are gone; delete the folder for a mesh whose books match its chains")]
    public static partial void StaleState(ILogger logger, string directory);

    [LoggerMessage(5319, LogLevel.Information, "Dev mode: stopped the Hardhat node of chain {Chain} (pid {Pid})")]
    public static partial void NodeStopped(ILogger logger, string chain, int pid);
}
