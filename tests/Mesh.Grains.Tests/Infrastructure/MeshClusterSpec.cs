using System.Globalization;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>What a <see cref="MeshTestCluster"/> runs: a cluster started twice from one spec is the same deployment restarted.</summary>
/// <param name="Database">The storage every silo of the cluster uses.</param>
public sealed record MeshClusterSpec(TestDatabase Database)
{
    /// <summary>Gets the number of silos.</summary>
    public short Silos { get; init; } = 1;

    /// <summary>Gets the cluster id and service id; kept across a restart, as a deployment keeps them.</summary>
    public string Id { get; init; } = "mesh-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Gets the silos' <c>Mesh:Orleans:ResponseTimeout</c>; <see langword="null"/> keeps the production default.</summary>
    public TimeSpan? ResponseTimeout { get; init; }

    /// <summary>Gets the client's response timeout; <see langword="null"/> uses the silos' one.</summary>
    public TimeSpan? ClientResponseTimeout { get; init; }

    /// <summary>Gets Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>; <see langword="null"/> keeps Orleans' default (1 minute).</summary>
    public TimeSpan? MinimumReminderPeriod { get; init; }

    /// <summary>Gets further settings every silo sees in its configuration (for example <c>Mesh:Protocols:AutoApproveUpTo</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets further <see cref="Orleans.TestingHost.ISiloConfigurator"/> types, applied after the production wiring (test doubles, a test clock).</summary>
    public IReadOnlyList<Type> SiloConfigurators { get; init; } = [];

    internal Dictionary<string, string> Properties()
    {
        var properties = new Dictionary<string, string>(Settings)
        {
            [MeshClusterSettings.Provider] = Database.Provider.ToString(),
            [MeshClusterSettings.ConnectionString] = Database.ConnectionString,
        };
        Add(properties, MeshClusterSettings.ResponseTimeout, ResponseTimeout);
        Add(properties, MeshClusterSettings.ClientResponseTimeout, ClientResponseTimeout);
        Add(properties, MeshClusterSettings.MinimumReminderPeriod, MinimumReminderPeriod);
        return properties;
    }

    private static void Add(Dictionary<string, string> properties, string key, TimeSpan? value)
    {
        if (value is { } duration)
        {
            properties[key] = duration.ToString("c", CultureInfo.InvariantCulture);
        }
    }
}
