using Mesh.Chains.Clients;

namespace Mesh.Chains.Evm.Tests.Fixtures;

/// <summary>Test steps on a local chain: fund an account, make operations, follow them to finality.</summary>
internal static class Operations
{
    /// <summary>Mints <paramref name="amount"/> to the account of <paramref name="holder"/> and approves the vault for it.</summary>
    public static async Task FundAsync(this LocalChain chain, EvmSigningKey holder, string token, UInt128 amount)
    {
        await chain.Deployer.MintAsync(chain.Token(token), holder.Address, amount);
        await chain.Deployer.ApproveAsync(holder, chain.Token(token), chain.Definition.Contracts.Vault, amount);
    }

    /// <summary>Mints tokens straight into the bridge escrow: the liquidity releases pay out.</summary>
    public static Task FundBridgeAsync(this LocalChain chain, string token, UInt128 amount) =>
        chain.Deployer.MintAsync(chain.Token(token), chain.Definition.Contracts.Bridge, amount);

    public static ChainOperation Operation(OperationKind kind, string protocol, EvmSigningKey account, string token, UInt128 amount, string? name = null) =>
        new(OperationId.FromName(name ?? $"test/{Guid.NewGuid():N}/{kind}"), kind, protocol, account.Address, token, amount);

    public static string NewProtocol() => "p-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Mines blocks until the operation is settled (final or failed), within a deadline.</summary>
    public static async Task<OperationStatus> SettleAsync(this IChainClient client, LocalChain chain, OperationId id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await client.GetOperationAsync(id);
            if (status.IsSettled)
            {
                return status;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Operation {id} is still {status.State} on {chain.Definition.Name}.");
            }

            await chain.Rpc.MineAsync(1);
        }
    }
}
