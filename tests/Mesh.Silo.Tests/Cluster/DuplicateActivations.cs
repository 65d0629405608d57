namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// Finds keys that two activations served at the same time, by two independent proofs. An activation lives one
/// contiguous interval, from its creation to its last answer at least.
/// <list type="bullet">
/// <item>By answer order (the test's clock only): A answered a call that completed before a call answered by B was
/// sent, and A also answered a call sent after B's answer arrived; so A was alive on both sides of a moment when B was.</item>
/// <item>By lifetimes (the silos' clocks, one machine here): B was created while A, created earlier, had yet to give its
/// last answer.</item>
/// </list>
/// </summary>
internal static class DuplicateActivations
{
    /// <summary>The keys with two activations alive at once, each with one overlapping pair (the older first).</summary>
    /// <param name="answers">Every answer received.</param>
    /// <returns>By key: one overlapping pair.</returns>
    public static IReadOnlyDictionary<string, (Guid First, Guid Second)> Find(IEnumerable<ActivationAnswer> answers)
    {
        var duplicates = new Dictionary<string, (Guid, Guid)>();
        foreach (var key in answers.GroupBy(a => a.Key))
        {
            var activations = key.GroupBy(a => a.ActivationId)
                .Select(g => (Id: g.Key, FirstReceived: g.Min(a => a.Received), LastSent: g.Max(a => a.Sent), ActivatedAt: g.First().ActivatedAt, LastAnsweredAt: g.Max(a => a.AnsweredAt)))
                .ToList();
            var byOrder = key
                .Select(b => (B: b.ActivationId, A: activations.FirstOrDefault(a => a.Id != b.ActivationId && a.FirstReceived < b.Sent && a.LastSent > b.Received).Id))
                .FirstOrDefault(pair => pair.A != Guid.Empty);
            var byLifetime = activations
                .SelectMany(a => activations.Where(b => b.Id != a.Id && a.ActivatedAt <= b.ActivatedAt && b.ActivatedAt < a.LastAnsweredAt).Select(b => (A: a.Id, B: b.Id)))
                .FirstOrDefault();
            if (byOrder.A != Guid.Empty)
            {
                duplicates[key.Key] = (byOrder.A, byOrder.B);
            }
            else if (byLifetime.A != Guid.Empty)
            {
                duplicates[key.Key] = (byLifetime.A, byLifetime.B);
            }
        }

        return duplicates;
    }

    /// <summary>
    /// Keys whose activation changed although the silo hosting the earlier one stayed alive: the earlier activation
    /// was replaced without its silo failing.
    /// </summary>
    /// <param name="answers">Every answer received.</param>
    /// <param name="lostSilos">The silos that were killed.</param>
    /// <returns>The keys.</returns>
    public static IReadOnlyList<string> MovedOffLiveSilos(IEnumerable<ActivationAnswer> answers, IReadOnlySet<string> lostSilos) =>
        [.. answers.GroupBy(a => a.Key)
            .Where(key => key.OrderBy(a => a.Received).Zip(key.OrderBy(a => a.Received).Skip(1))
                .Any(pair => pair.First.ActivationId != pair.Second.ActivationId && !lostSilos.Contains(pair.First.Silo)))
            .Select(key => key.Key)];
}
