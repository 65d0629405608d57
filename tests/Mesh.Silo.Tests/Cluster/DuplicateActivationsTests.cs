namespace Mesh.Silo.Tests.Cluster;

/// <summary>The duplicate detector on hand-made answer sequences (A, B: activations; times in seconds).</summary>
public sealed class DuplicateActivationsTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Theory]
    [InlineData("A 0-1, B 2-3, A 4-5", true)]
    [InlineData("A 0-1, A 2-3, B 4-5, B 6-7", false)]
    [InlineData("A 0-3, B 1-2, A 2.5-4", false)]
    [InlineData("A 0-1, B 2-3, A 2.5-5", false)]
    [InlineData("B 0-1, A 2-3, B 4-5, A 6-7", true)]
    public void Find_AnswerSequence_FlagsOnlyProvenOverlap(string sequence, bool duplicate)
    {
        var answers = sequence.Split(", ").Select(part =>
        {
            var (id, times) = (part[0] == 'A' ? A : B, part[2..].Split('-').Select(double.Parse).ToArray());
            return Answer("k", id, "silo", times[0], times[1]);
        });

        var sut = DuplicateActivations.Find(answers);

        Assert.Equal(duplicate, sut.ContainsKey("k"));
    }

    [Theory]
    [InlineData(0.0, 5.0, 3.0, true)]
    [InlineData(0.0, 2.0, 3.0, false)]
    public void Find_ActivationLifetimes_FlagsASecondActivationCreatedBeforeTheFirstLastAnswered(double aActivated, double aLastAnswered, double bActivated, bool duplicate)
    {
        var epoch = DateTimeOffset.UnixEpoch;
        ActivationAnswer[] answers =
        [
            new("k", A, "s1", TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10), epoch.AddSeconds(aActivated), epoch.AddSeconds(aLastAnswered)),
            new("k", B, "s2", TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(12), epoch.AddSeconds(bActivated), epoch.AddSeconds(bActivated + 1)),
        ];

        var sut = DuplicateActivations.Find(answers);

        Assert.Equal(duplicate, sut.ContainsKey("k"));
    }

    [Fact]
    public void MovedOffLiveSilos_ActivationReplacedOnSurvivor_Flagged()
    {
        ActivationAnswer[] answers =
        [
            Answer("moved", A, "survivor", 0, 1),
            Answer("moved", B, "survivor", 2, 3),
            Answer("failed-over", A, "killed", 0, 1),
            Answer("failed-over", B, "survivor", 2, 3),
        ];

        var sut = DuplicateActivations.MovedOffLiveSilos(answers, new HashSet<string> { "killed" });

        Assert.Equal(["moved"], sut);
    }

    /// <summary>An answer whose activation times prove nothing (all at one instant), so only the answer order counts.</summary>
    private static ActivationAnswer Answer(string key, Guid id, string silo, double sent, double received) =>
        new(key, id, silo, TimeSpan.FromSeconds(sent), TimeSpan.FromSeconds(received), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
