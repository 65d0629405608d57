using Mesh.Chains.Evm.Local;

namespace Mesh.Silo.Chains;

/// <summary>The Hardhat nodes dev mode started for this silo and the logger of dev mode; disposing stops them (after the silo has stopped).</summary>
internal sealed class LocalChainNodes(ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly List<(string Chain, HardhatNodeProcess Node)> _nodes = [];

    public ILogger Logger { get; } = loggers.CreateLogger("Mesh.Silo.Chains");

    public int Count
    {
        get
        {
            lock (_nodes)
            {
                return _nodes.Count;
            }
        }
    }

    public void Add(string chain, HardhatNodeProcess node)
    {
        lock (_nodes)
        {
            _nodes.Add((chain, node));
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<(string Chain, HardhatNodeProcess Node)> nodes;
        lock (_nodes)
        {
            nodes = [.. _nodes];
            _nodes.Clear();
        }

        foreach (var (chain, node) in nodes)
        {
            var pid = node.ProcessId;
            await node.DisposeAsync().ConfigureAwait(false);
            ChainsLog.NodeStopped(Logger, chain, pid);
        }

        loggers.Dispose();
    }
}
