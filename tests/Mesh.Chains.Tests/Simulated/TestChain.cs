using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

/// <summary>A small simulated chain for tests: 1 s blocks, two confirmations, USDC and WETH, driven by a fake clock.</summary>
internal static class TestChain
{
    public const string Usdc = "USDC";
    public const string Weth = "WETH";
    public const string Protocol = "opt-venue";
    public const string Alice = "0x00000000000000000000000000000000000a11ce";
    public const string Bob = "0x0000000000000000000000000000000000000b0b";
    public const string Vault = "0x000000000000000000000000000000000000a001";
    public const string Bridge = "0x000000000000000000000000000000000000a002";

    public static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(1);

    public static ChainDefinition Definition(string name = "sim-a", int confirmations = 2) => new()
    {
        Name = name,
        ChainId = 31337,
        RpcUrls = [new Uri("http://127.0.0.1:8545")],
        Confirmations = confirmations,
        BlockTime = BlockTime,
        NativeAsset = new NativeAsset("ETH", 18),
        Contracts = new MeshContracts(Vault, Bridge),
        Tokens =
        [
            new TokenDefinition(Usdc, "0x000000000000000000000000000000000000a101", 6),
            new TokenDefinition(Weth, "0x000000000000000000000000000000000000a102", 18),
        ],
    };

    public static ChainsConfiguration Configuration(params string[] names) => new()
    {
        Version = 1,
        Chains = names.Select(n => Definition(n)).ToList(),
        Routes = [],
    };

    public static ISimulatedChain Create(FakeTimeProvider time, SimulatedChainOptions? options = null, string name = "sim-a", int confirmations = 2) =>
        SimulatedChains.Create(Definition(name, confirmations), time, options);

    public static ChainOperation Operation(string name, OperationKind kind, UInt128 amount, string account = Alice, string token = Usdc, string protocol = Protocol) =>
        new(OperationId.FromName(name), kind, protocol, account, token, amount);

    public static ChainOperation Deposit(string name, UInt128 amount, string account = Alice) =>
        Operation(name, OperationKind.Deposit, amount, account);

    /// <summary>Moves the clock on by <paramref name="blocks"/> block times, producing that many blocks.</summary>
    public static void AdvanceBlocks(this FakeTimeProvider time, int blocks) => time.Advance(BlockTime * blocks);
}
