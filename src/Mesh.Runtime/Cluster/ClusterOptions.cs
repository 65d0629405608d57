namespace Mesh.Runtime.Cluster;

/// <summary>Cluster settings (configuration section <c>Mesh:Cluster</c>).</summary>
public sealed class ClusterOptions
{
    /// <summary>Gets or sets a value indicating whether this silo joins a cluster (requires PostgreSQL storage).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the HTTP/2 port other silos call this silo on; 0 picks a free port.</summary>
    /// <value>The default is 11111.</value>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Gets or sets the address the silo listens on.</summary>
    /// <value>The default is 127.0.0.1.</value>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the host name or address other silos use to reach this one.</summary>
    /// <value>The default is 127.0.0.1.</value>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets how long a partition lease lasts without renewal (database clock).</summary>
    /// <value>The default is 3 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how often leases are renewed, heartbeats written and ownership rebalanced.</summary>
    /// <value>The default is 750 milliseconds.</value>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>Gets or sets how many times a call is retried after "not owner" or an unreachable silo.</summary>
    /// <value>The default is 20 (with backoff capped at 0.5 s, about 8 s: longer than a failover).</value>
    public int MaxCallRetries { get; set; } = 20;

    /// <summary>Gets or sets a PFX certificate file; when set, silo-to-silo calls use TLS (HTTP/2 over TLS).</summary>
    /// <value>The default is <see langword="null"/> (h2c, for loopback and private networks).</value>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Gets or sets the password of <see cref="TlsCertificatePath"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>Returns the problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SiloPort is < 0 or > 65535)
        {
            errors.Add($"Mesh:Cluster:SiloPort must be between 0 and 65535; got {SiloPort}.");
        }

        if (LeaseDuration <= TimeSpan.Zero || RenewInterval <= TimeSpan.Zero || RenewInterval * 2 > LeaseDuration)
        {
            errors.Add($"Mesh:Cluster:RenewInterval ({RenewInterval}) must be positive and at most half of Mesh:Cluster:LeaseDuration ({LeaseDuration}), so a lease is renewed at least twice before it expires.");
        }

        if (MaxCallRetries is < 0 or > 100)
        {
            errors.Add($"Mesh:Cluster:MaxCallRetries must be between 0 and 100; got {MaxCallRetries}.");
        }

        if (string.IsNullOrWhiteSpace(AdvertisedHost))
        {
            errors.Add("Mesh:Cluster:AdvertisedHost must not be empty.");
        }

        if (!System.Net.IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"Mesh:Cluster:ListenAddress must be an IP address; got '{ListenAddress}'.");
        }

        if (TlsCertificatePath is not null && !File.Exists(TlsCertificatePath))
        {
            errors.Add($"Mesh:Cluster:TlsCertificatePath: file not found: {TlsCertificatePath}.");
        }

        return errors;
    }
}
