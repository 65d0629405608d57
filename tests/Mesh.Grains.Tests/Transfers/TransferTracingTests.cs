using Mesh.Grains.Transfers;
using Mesh.Testing;
using static Mesh.Grains.Tests.Transfers.TransferFixture;

namespace Mesh.Grains.Tests.Transfers;

/// <summary>Every step of a saga is a span on the Mesh.Grains source, tagged with the transfer.</summary>
[Collection(Collection.Name)]
public sealed class TransferTracingTests(TransferFixture fixture)
{
    [Fact]
    public async Task Execute_Settles_EachPhaseIsOneSpanTaggedWithTheTransfer()
    {
        using var collector = new SpanCollector(TransferDiagnostics.SourceName);
        var (protocol, _) = await MemberAsync(fixture.Client, "trace", 100 * Usdc);
        FundBridge("local-a", 1_000 * Usdc);
        var id = $"trace-{Guid.NewGuid():N}";
        var sut = fixture.Transfer(id);
        await sut.Quote(Request(protocol, "local-c", "local-a", 5 * Usdc));
        await sut.Execute();

        await EndedAsync(sut);

        var spans = collector.Spans.Where(s => Equals(s.GetTagItem(TransferDiagnostics.TransferIdTag), id)).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(
            ["transfer quoted", "transfer reserved", "transfer locking", "transfer locked", "transfer releasing", "transfer released", "transfer settled"],
            spans.Select(s => s.DisplayName));
        Assert.Equal("releasing", spans[^2].GetTagItem(TransferDiagnostics.PhaseTag));
    }
}
