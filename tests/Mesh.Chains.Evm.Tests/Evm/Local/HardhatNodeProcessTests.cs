using Mesh.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mesh.Chains.Evm.Local;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm.Local;

/// <summary>The local node launcher the silo's dev mode uses: timed blocks, a clean stop, clear failures.</summary>
public sealed class HardhatNodeProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly HardhatToolchain _toolchain = new(EvmSetup.Find().ContractsDirectory);

    [Fact]
    public async Task StartNodeAsync_WithBlockInterval_MinesBlocksWithoutTransactionsAndStopsOnDispose()
    {
        var sut = await _toolchain.StartNodeAsync(TestPorts.Next(), 31601, TimeSpan.FromMilliseconds(100), StartTimeout);
        using var probe = new EvmNodeProbe(TimeSpan.FromSeconds(2));
        var first = await BlockNumberAsync(probe, sut.Url);
        var clock = Stopwatch.StartNew();
        while (await BlockNumberAsync(probe, sut.Url) < first + 3 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        var later = await BlockNumberAsync(probe, sut.Url);
        await sut.DisposeAsync();

        Assert.True(later >= first + 3, $"the chain stayed at block {later} (started at {first}) without transactions");
        Assert.True(sut.HasExited);
        Assert.Null((await probe.ChainIdAsync(sut.Url)).ChainId);
    }

    [Fact]
    public async Task StartNodeAsync_PortHeldByAnotherChain_ThrowsNamingBothChainIds()
    {
        await using var first = await _toolchain.StartNodeAsync(TestPorts.Next(), 31602, blockInterval: null, StartTimeout);

        var exception = await Assert.ThrowsAsync<HardhatSetupException>(() => _toolchain.StartNodeAsync(first.Url.Port, 31603, blockInterval: null, StartTimeout));

        Assert.Contains($"{first.Url} answers with chain id 31602, not 31603", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainIdAsync_NothingListening_ReturnsNullWithTheReason()
    {
        using var sut = new EvmNodeProbe(TimeSpan.FromSeconds(2));

        var (chainId, failure) = await sut.ChainIdAsync(new Uri($"http://127.0.0.1:{TestPorts.Next()}"));

        Assert.Null(chainId);
        Assert.Contains("refused", failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartNodeAsync_NotInstalled_ThrowsSayingSo()
    {
        var empty = Directory.CreateTempSubdirectory("mesh-no-hardhat-").FullName;
        try
        {
            var sut = new HardhatToolchain(empty);

            var exception = await Assert.ThrowsAsync<HardhatSetupException>(() => sut.StartNodeAsync(TestPorts.Next(), 31604, null, StartTimeout));

            Assert.False(sut.IsInstalled);
            Assert.Contains("Hardhat is not installed", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static async Task<ulong> BlockNumberAsync(EvmNodeProbe probe, Uri url) =>
        Convert.ToUInt64((await probe.CallAsync(url, "eth_blockNumber", [])).GetString(), 16);

}
