using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Runtime.Tests.Cluster;

[Collection(nameof(ClusterCollection))]
public sealed class TlsTransportTests : IDisposable
{
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), "mesh-silo-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");

    public TlsTransportTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mesh-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, "silo-secret"));
    }

    [Fact]
    public async Task Call_TlsConfigured_CrossesSilosOverHttp2WithTls()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("tls");
        await using var cluster = await TestCluster.StartAsync(
            2,
            database,
            b => b.AddGrainAssembly(typeof(TlsTransportTests).Assembly),
            s => s.AddSingleton(new LifecycleLog()).AddSingleton(new GateRegistry()),
            o =>
            {
                o.TlsCertificatePath = _certificate;
                o.TlsCertificatePassword = "silo-secret";
            });
        var key = ClusterFixture.KeyOwnedBy(cluster.Silos[1], "tls-");

        var count = await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Add("over-tls");
        var members = await cluster.Silos[0].Status.GetMembersAsync(CancellationToken.None);

        Assert.Equal(1, count);
        Assert.Equal(cluster.Silos[1].SiloId, await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Host());
        Assert.Equal(2, members.Count(m => m.Status == "active"));
    }

    public void Dispose() => File.Delete(_certificate);
}
