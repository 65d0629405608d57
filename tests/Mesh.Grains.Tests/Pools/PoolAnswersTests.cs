using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

/// <summary>A pool's answers are kept per vault, and those a pool wrote before that are found where their vault will look.</summary>
public sealed class PoolAnswersTests
{
    [Fact]
    public void Find_TwoVaultsWithTheSameOperationId_EachGetsItsOwnAnswer()
    {
        var answers = new Dictionary<string, PoolOperation>(StringComparer.Ordinal)
        {
            [PoolAnswers.Key("p1/local-a", "draw")] = new() { Kind = "allocate", Party = "p1/local-a", Amount = 10 },
            [PoolAnswers.Key("p2/local-a", "draw")] = new() { Kind = "allocate", Party = "p2/local-a", Amount = 20 },
        };

        Assert.Equal(10, (int)PoolAnswers.Find(answers, "draw", "p1/local-a", holder: null)!.Value.Op.Amount);
        Assert.Equal(20, (int)PoolAnswers.Find(answers, "draw", "p2/local-a", holder: null)!.Value.Op.Amount);
        Assert.Null(PoolAnswers.Find(answers, "draw", "p3/local-a", holder: "p3"));
    }

    [Fact]
    public void KeyByScope_AnswersKeptByTheIdAlone_AreFoundByTheVaultTheyWereForAndNoOther()
    {
        // Before answers were kept per vault: a vault's draw and a protocol's supply, keyed by the id alone.
        var answers = new Dictionary<string, PoolOperation>(StringComparer.Ordinal)
        {
            ["draw-1"] = new() { Kind = "allocate", Party = "p1/local-a", Amount = 10 },
            ["sup-1"] = new() { Kind = "supply", Party = "p1", Amount = 30 },
        };

        PoolAnswers.KeyByScope(answers);

        // The vault finds its draw; its protocol's vaults find the supply (liquidity is the holder's); no one else does.
        Assert.Equal(10, (int)PoolAnswers.Find(answers, "draw-1", "p1/local-a", holder: null)!.Value.Op.Amount);
        Assert.Null(PoolAnswers.Find(answers, "draw-1", "p1/local-b", holder: null));
        Assert.Equal(30, (int)PoolAnswers.Find(answers, "sup-1", "p1/local-a", PoolAnswers.Holder("p1/local-a"))!.Value.Op.Amount);
        Assert.Null(PoolAnswers.Find(answers, "sup-1", "p2/local-a", PoolAnswers.Holder("p2/local-a")));
        Assert.Equal(2, answers.Count);

        // Keyed once: doing it again changes nothing.
        var keys = answers.Keys.Order(StringComparer.Ordinal).ToList();
        PoolAnswers.KeyByScope(answers);
        Assert.Equal(keys, answers.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("p1/local-a", "p1")]
    [InlineData("p1/local-a/acct-7", "p1")]
    [InlineData("lender-x", null)]
    [InlineData("/local-a", null)]
    public void Holder_OfAScope_IsTheVaultKeysFirstSegment(string scope, string? holder) => Assert.Equal(holder, PoolAnswers.Holder(scope));
}
