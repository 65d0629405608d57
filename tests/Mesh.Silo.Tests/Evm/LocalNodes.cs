using Mesh.Chains.Evm.Local;

namespace Mesh.Silo.Tests.Evm;

/// <summary>
/// Three Hardhat nodes on free loopback ports (chain ids 31501-31503, a block on every transaction and every 250 ms), started through the same tool chain
/// the silo's dev mode uses; fails clearly when tests/setup-evm.sh has not run.
/// </summary>
public sealed class LocalNodes : IAsyncLifetime
{
    public const int BlockTimeMs = 250;

    public static readonly ulong[] ChainIds = [31501, 31502, 31503];

    private readonly List<HardhatNodeProcess> _nodes = [];

    internal IReadOnlyList<HardhatNodeProcess> Nodes => _nodes;

    internal int[] Ports => [.. _nodes.Select(n => n.Url.Port)];

    public async Task InitializeAsync()
    {
        var toolchain = new HardhatToolchain(TestChainsFile.ContractsDirectory());
        if (!toolchain.IsInstalled || !toolchain.IsCompiled)
        {
            throw new InvalidOperationException("The EVM tests need Hardhat and the compiled contracts: run `bash tests/setup-evm.sh` from the repository root first.");
        }

        var ports = TestChainsFile.FreePorts();
        _nodes.AddRange(await Task.WhenAll(ChainIds.Select((id, i) => toolchain.StartNodeAsync(ports[i], id, TimeSpan.FromMilliseconds(BlockTimeMs), TimeSpan.FromSeconds(60)))));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
