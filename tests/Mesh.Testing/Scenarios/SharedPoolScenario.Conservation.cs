using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Mesh.Testing.Scenarios;

/// <summary>
/// Conservation at a quiescent step, to the base unit: per asset and chain, what the chain's vault holds for the
/// mesh's protocols = the pool's free liquidity on that chain + Σ vault balances + in transit (zero: every movement
/// the scenario started has completed); each number also equals what the scenario's ledger expects; the pool's own
/// numbers add up; the chain's supply is what was minted; and the operator audit agrees, line for line.
/// </summary>
public sealed partial class SharedPoolScenario
{
    private static readonly string[] Assets = ["USDC", "WETH"];

    /// <summary>Checks conservation now; every movement sent so far must have settled.</summary>
    /// <param name="step">The step's name, for the output and failures.</param>
    /// <returns>A task.</returns>
    public async Task AssertConservedAsync(string step)
    {
        var health = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in Protocols)
        {
            health[p.Id] = await HealthAsync(p);
        }

        var audit = await AuditAsync();
        var lines = new List<string>();
        foreach (var asset in Assets)
        {
            var pool = await _http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/pools/{asset}", _operatorKey);
            AssertPool(step, asset, pool);
            foreach (var chainName in _node.Chains.ChainNames)
            {
                var chain = _node.Chain(chainName);
                var onChain = UInt128.Zero;
                var vaults = UInt128.Zero;
                foreach (var p in Protocols)
                {
                    var held = await chain.GetVaultBalanceAsync(asset, p.Id);
                    var booked = chainName == Chain ? Amount(health[p.Id].GetProperty("collateral"), asset) : UInt128.Zero;
                    var (deposited, expected) = chainName == Chain ? (Ledger.OnChain(p.Id, asset), Ledger.VaultBalance(p.Id, asset)) : (UInt128.Zero, UInt128.Zero);
                    Xunit.Assert.True(held == deposited, $"{step}: {chainName} vault holds {held} {asset} for {p.Id}; its completed deposits there are {deposited}");
                    Xunit.Assert.True(booked == expected, $"{step}: {p.Id}'s vault on {chainName} books {booked} {asset}; its completed movements add up to {expected}; its health: {health[p.Id]}");
                    onChain += held;
                    vaults += booked;
                }

                var poolFree = pool.GetProperty("freeByChain").TryGetProperty(chainName, out var free) ? Parse(free) : UInt128.Zero;
                var inTransit = UInt128.Zero;
                Xunit.Assert.True(onChain == poolFree + vaults + inTransit, $"{step}: {asset} on {chainName}: the chain's vault holds {onChain}, the mesh books pool free {poolFree} + vault balances {vaults} + in transit {inTransit}");
                AssertAudit(step, audit, asset, chainName, onChain, poolFree, vaults);
                if (onChain != UInt128.Zero)
                {
                    lines.Add($"{asset}@{chainName}: chain {onChain} = pool free {poolFree} + vaults {vaults}");
                }
            }

            await AssertChainSupplyAsync(step, asset);
        }

        Xunit.Assert.True(audit.GetProperty("balanced").GetBoolean(), $"{step}: the operator audit is not balanced: {audit}");
        Log($"conserved at {step}: {string.Join("; ", lines)}; the operator audit agrees");
    }

    private void AssertPool(string step, string asset, JsonElement pool)
    {
        var free = Parse(pool.GetProperty("freeLiquidity"));
        var byChain = pool.GetProperty("freeByChain").EnumerateObject().Aggregate(UInt128.Zero, (sum, c) => sum + Parse(c.Value));
        var credit = Parse(pool.GetProperty("creditOutstanding"));
        var lenders = Parse(pool.GetProperty("lenderAssets"));
        var reserve = Parse(pool.GetProperty("reserve"));
        var principal = Ledger.Principal(asset);
        Xunit.Assert.True(free == Ledger.PoolFree(asset), $"{step}: the {asset} pool has {free} free; supplies − draws + repayments are {Ledger.PoolFree(asset)}");
        Xunit.Assert.True(free == byChain, $"{step}: the {asset} pool's free liquidity {free} is not the sum over chains {byChain}");
        Xunit.Assert.True(lenders + reserve == free + credit, $"{step}: the {asset} pool's lenders {lenders} + reserve {reserve} ≠ free {free} + credit {credit}");

        // Credit is the principal plus the interest of a few seconds: at most a tenth of a percent here.
        Xunit.Assert.True(credit >= principal && credit <= principal + (principal / 1_000) + 2, $"{step}: the {asset} pool's credit {credit} is not the principal {principal} plus seconds of interest");
    }

    private async Task AssertChainSupplyAsync(string step, string asset)
    {
        var chain = _node.Chain(Chain);
        Xunit.Assert.True(chain.GetTotalSupply(asset) == Ledger.Minted(asset), $"{step}: {Chain} has {chain.GetTotalSupply(asset)} {asset}; the faucet minted {Ledger.Minted(asset)}");
        Xunit.Assert.Equal(chain.GetMinted(asset), chain.GetTotalSupply(asset));
        foreach (var p in Protocols)
        {
            var balance = await chain.GetBalanceAsync(asset, p.Account);
            Xunit.Assert.True(balance == Ledger.AccountBalance(p, asset), $"{step}: {p.Id}'s account holds {balance} {asset}; minted − deposited is {Ledger.AccountBalance(p, asset)}");
        }
    }

    /// <summary>The operator audit (<c>GET /api/operator/audit</c>).</summary>
    private async Task<JsonElement> AuditAsync()
    {
        var reply = await _http.SendAsync(HttpMethod.Get, "/api/operator/audit", _operatorKey);
        Xunit.Assert.True(reply.Status == HttpStatusCode.OK, $"GET /api/operator/audit: {reply}");
        return reply.Json;
    }

    private static void AssertAudit(string step, JsonElement report, string asset, string chain, UInt128 onChain, UInt128 poolFree, UInt128 vaults)
    {
        var assetLine = report.GetProperty("assets").EnumerateArray().SingleOrDefault(a => a.GetProperty("asset").GetString() == asset);
        var line = assetLine.ValueKind == JsonValueKind.Object
            ? assetLine.GetProperty("chains").EnumerateArray().SingleOrDefault(c => c.GetProperty("chain").GetString() == chain)
            : default;
        if (line.ValueKind != JsonValueKind.Object)
        {
            Xunit.Assert.True(onChain == UInt128.Zero && poolFree == UInt128.Zero && vaults == UInt128.Zero, $"{step}: the audit has no line for {asset} on {chain}, which holds {onChain}");
            return;
        }

        var what = $"{step}: the audit's {asset} on {chain} ({line})";
        Xunit.Assert.True(assetLine.GetProperty("balanced").GetBoolean(), what);
        Xunit.Assert.True(Parse(line.GetProperty("onChain")) == onChain, $"{what}: on chain, expected {onChain}");
        Xunit.Assert.True(Parse(line.GetProperty("poolFree")) == poolFree, $"{what}: pool free, expected {poolFree}");
        Xunit.Assert.True(Parse(line.GetProperty("vaultBalances")) == vaults, $"{what}: vault balances, expected {vaults}");
        Xunit.Assert.True(Parse(line.GetProperty("inTransit")) == UInt128.Zero, $"{what}: in transit, expected 0");
        Xunit.Assert.Equal("0", line.GetProperty("difference").GetString());
    }

    private static UInt128 Amount(JsonElement lines, string asset) =>
        lines.EnumerateArray().Where(l => l.GetProperty("asset").GetString() == asset).Select(l => Parse(l.GetProperty("amount"))).SingleOrDefault();

    private static UInt128 Parse(JsonElement text) => UInt128.Parse(text.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
}
