using Orleans.Configuration;

namespace Mesh.Silo.Hosting;

/// <summary>Orleans settings (configuration section <c>Mesh:Orleans</c>).</summary>
public sealed class MeshOrleansOptions
{
    /// <summary>Gets or sets the cluster id: silos with the same id and service id form one cluster.</summary>
    /// <value>The default is <c>mesh</c>.</value>
    public string ClusterId { get; set; } = "mesh";

    /// <summary>Gets or sets the service id; grain state and reminders are keyed by it, so keep it across deployments.</summary>
    /// <value>The default is <c>mesh</c>.</value>
    public string ServiceId { get; set; } = "mesh";

    /// <summary>Gets or sets the port silos call each other on.</summary>
    /// <value>The default is 11111.</value>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Gets or sets the port Orleans clients connect to.</summary>
    /// <value>The default is 30000.</value>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Gets or sets the address the silo and gateway ports listen on (<c>0.0.0.0</c> inside a container).</summary>
    /// <value>The default is <c>127.0.0.1</c>.</value>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the host name or address other silos and clients use to reach this silo; a name is resolved at start.</summary>
    /// <value>The default is <c>127.0.0.1</c>.</value>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// Gets or sets whether the silo runs as a Kubernetes pod (Orleans' <c>UseKubernetesHosting</c>): the silo's name is
    /// the pod's (<c>POD_NAME</c>), it advertises the pod's address (<c>POD_IP</c>) and listens on every interface,
    /// <c>ORLEANS_SERVICE_ID</c> and <c>ORLEANS_CLUSTER_ID</c> override <see cref="ServiceId"/> and <see cref="ClusterId"/>,
    /// and silos whose pods are gone are declared dead (and pods of dead silos deleted) through the Kubernetes API.
    /// <see cref="ListenAddress"/>, <see cref="AdvertisedHost"/> and <c>Mesh:SiloName</c> are not used. Needs PostgreSQL clustering.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Kubernetes { get; set; }

    /// <summary>Gets or sets the grain directory of a cluster.</summary>
    /// <value>The default is <see cref="GrainDirectoryKind.Distributed"/>.</value>
    public GrainDirectoryKind GrainDirectory { get; set; } = GrainDirectoryKind.Distributed;

    /// <summary>
    /// Gets or sets how long the distributed grain directory keeps the grains of a silo that failed ungracefully
    /// unregistrable, counted from its estimated failure time (Orleans' <c>GrainDirectoryOptions.RangeLeaseDuration</c>).
    /// A lease no longer than the failure-detection window (MaxProbeTimeout × NumMissedProbesLimit) is no lease: the
    /// grains answer again on survivors as soon as the silo is declared dead. See docs/decisions/0002-grain-directory.md.
    /// </summary>
    /// <value>The default is zero: no lease; storage ETags still fence a declared-dead silo that wakes up.</value>
    public TimeSpan GrainDirectoryLeaseDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the deadline of a grain call.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long an idle activation lives before it is collected.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets Orleans' membership (failure detection) options, with defaults tuned to detect a failure in seconds.</summary>
    /// <value>The default is <see cref="TunedMembership"/>.</value>
    public ClusterMembershipOptions Membership { get; set; } = TunedMembership();

    /// <summary>
    /// Orleans' membership options with the mesh's defaults, for detection in seconds rather than Orleans' tens of
    /// seconds: probes every 0.25 s on a quiet link (adapted to round trips, at most 1.5 s), a vote after 2 missed
    /// probes, and no vote while the silo sent anything within the last 3 s (MaxProbeTimeout × NumMissedProbesLimit).
    /// Measured on 2 shared cores, a killed silo is declared dead in 0.5–0.9 s and its grains answer on survivors in
    /// 0.8–2.0 s; a frozen one is declared dead in 3.2–3.5 s, its grains answer in 4.1–4.4 s; and a 15-minute soak
    /// under CPU saturation and back-to-back forced full collections declared no silo dead. See docs/decisions/0004-failure-detection.md.
    /// </summary>
    /// <returns>New options.</returns>
    public static ClusterMembershipOptions TunedMembership() => new()
    {
        ProbeTimeout = TimeSpan.FromSeconds(0.5),
        MinProbeTimeout = TimeSpan.FromSeconds(0.25),
        MaxProbeTimeout = TimeSpan.FromSeconds(1.5),
        NumMissedProbesLimit = 2,
        TableRefreshTimeout = TimeSpan.FromSeconds(10),
        DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30),
        IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30),
    };
}
