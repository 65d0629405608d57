using System.Globalization;
using Mesh.Silo.Hosting;
using Mesh.Storage;
using Microsoft.Extensions.Configuration;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// The configuration keys a <see cref="MeshTestCluster"/> hands to its silos and client (through
/// <c>TestClusterBuilder.Properties</c>), and how a silo turns them, plus what TestCluster itself assigns, into the
/// <see cref="MeshOptions"/> the production wiring takes.
/// </summary>
internal static class MeshClusterSettings
{
    public const string Provider = "Mesh:Storage:Provider";
    public const string ConnectionString = "Mesh:Storage:ConnectionString";
    public const string ResponseTimeout = "Mesh:Orleans:ResponseTimeout";
    public const string ClientResponseTimeout = "MeshTests:ClientResponseTimeout";
    public const string MinimumReminderPeriod = "MeshTests:MinimumReminderPeriod";

    // Written by TestCluster for each silo (TestSiloSpecificOptions) and for the whole cluster (TestClusterOptions).
    private const string ClusterId = "Orleans:ClusterId";
    private const string ServiceId = "Orleans:ServiceId";
    private const string SiloPort = "Orleans:Endpoints:SiloPort";
    private const string GatewayPort = "Orleans:Endpoints:GatewayPort";
    private const string BaseGatewayPort = "BaseGatewayPort";
    private const string SiloName = "Orleans:Name";

    /// <summary>
    /// The silo's settings: the <c>Mesh</c> section as a host would bind it, with the cluster ids and the ports that
    /// TestCluster assigned to this silo, so that <c>UseMeshSilo</c> configures exactly the endpoints TestCluster expects.
    /// </summary>
    public static MeshOptions ForSilo(IConfiguration configuration)
    {
        var options = ForClient(configuration);
        options.Orleans.SiloPort = Port(configuration, SiloPort);
        options.Orleans.GatewayPort = Port(configuration, GatewayPort);
        options.SiloName = Required(configuration, SiloName);
        return options;
    }

    /// <summary>The settings a client needs: storage (for PostgreSQL membership) and the cluster ids.</summary>
    public static MeshOptions ForClient(IConfiguration configuration)
    {
        var options = new MeshOptions();
        configuration.GetSection(MeshOptions.SectionName).Bind(options);
        options.Orleans.ClusterId = Required(configuration, ClusterId);
        options.Orleans.ServiceId = Required(configuration, ServiceId);
        _ = Required(configuration, ConnectionString);
        return options;
    }

    /// <summary>The gateway of the first silo: a single node's only gateway.</summary>
    public static int FirstGatewayPort(IConfiguration configuration) => Port(configuration, BaseGatewayPort);

    public static TimeSpan? Duration(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;

    private static int Port(IConfiguration configuration, string key) => int.Parse(Required(configuration, key), CultureInfo.InvariantCulture);

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"The test cluster configuration has no '{key}'.");
}
