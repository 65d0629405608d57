using FsCheck;
using FsCheck.Fluent;
using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainConservationTests
{
    private static readonly string[] Accounts = [TestChain.Alice, TestChain.Bob];
    private static readonly string[] Protocols = ["p1", "p2"];
    private static readonly string[] Tokens = [TestChain.Usdc, TestChain.Weth];

    private enum StepKind
    {
        Fund,
        Submit,
        Resubmit,
        Advance,
        Reorg,
    }

    [Fact]
    public void AnyStepSequence_SupplyEqualsMintedAndVaultEqualsProtocolSum()
    {
        var step = from kind in Gen.Elements(StepKind.Fund, StepKind.Submit, StepKind.Submit, StepKind.Resubmit, StepKind.Advance, StepKind.Advance, StepKind.Reorg)
                   from operation in Gen.Elements(OperationKind.Deposit, OperationKind.Withdraw, OperationKind.Lock, OperationKind.Release)
                   from account in Gen.Elements(Accounts)
                   from protocol in Gen.Elements(Protocols)
                   from token in Gen.Elements(Tokens)
                   from amount in Gen.Choose(1, 1_000)
                   from count in Gen.Choose(1, 3)
                   select (kind, operation, account, protocol, token, amount, count);
        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), steps =>
            {
                var time = new FakeTimeProvider();
                var sut = TestChain.Create(time, new SimulatedChainOptions { MaxOperationsPerBlock = 3 });
                var submitted = new List<ChainOperation>();
                foreach (var (kind, operation, account, protocol, token, amount, count) in steps)
                {
                    Apply(sut, time, submitted, kind, new ChainOperation(OperationId.FromName($"op{submitted.Count}"), operation, protocol, account, token, (UInt128)amount), count);
                }

                time.AdvanceBlocks(10);
                return Tokens.All(token => Conserved(sut, token));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    private static void Apply(ISimulatedChain sut, FakeTimeProvider time, List<ChainOperation> submitted, StepKind kind, ChainOperation operation, int count)
    {
        switch (kind)
        {
            case StepKind.Fund:
                sut.Fund(operation.Kind == OperationKind.Release ? TestChain.Bridge : operation.Account, operation.Token, operation.Amount);
                break;
            case StepKind.Submit:
                sut.SubmitAsync(operation).GetAwaiter().GetResult();
                submitted.Add(operation);
                break;
            case StepKind.Resubmit when submitted.Count > 0:
                sut.SubmitAsync(submitted[count % submitted.Count]).GetAwaiter().GetResult();
                break;
            case StepKind.Advance:
                time.AdvanceBlocks(count);
                break;
            case StepKind.Reorg:
                var head = sut.GetHeadAsync().GetAwaiter().GetResult().Number;
                if (head > 0)
                {
                    sut.Reorg((int)Math.Min(head, (ulong)count), count == 3 ? ReorgMode.Drop : ReorgMode.Requeue);
                }

                break;
        }
    }

    private static bool Conserved(ISimulatedChain sut, string token)
    {
        var vault = sut.GetBalanceAsync(token, TestChain.Vault).GetAwaiter().GetResult();
        var protocols = Protocols.Aggregate(UInt128.Zero, (sum, p) => sum + sut.GetVaultBalanceAsync(token, p).GetAwaiter().GetResult());
        var holders = Accounts.Append(TestChain.Vault).Append(TestChain.Bridge)
            .Aggregate(UInt128.Zero, (sum, a) => sum + sut.GetBalanceAsync(token, a).GetAwaiter().GetResult());
        var events = sut.GetMovementsAsync(0, 1_000).GetAwaiter().GetResult().Where(e => e.Token == token).ToList();
        var eventNet = events.Aggregate(UInt128.Zero, (sum, e) => e.Kind is OperationKind.Deposit or OperationKind.Release ? sum + e.Amount : sum - e.Amount);
        return sut.GetTotalSupply(token) == sut.GetMinted(token)
            && holders == sut.GetMinted(token)
            && vault == protocols
            && eventNet == protocols
            && events.Select(e => e.OperationId).Distinct().Count() == events.Count;
    }
}
