using System.Net;

namespace Mesh.Silo.Hosting;

/// <summary>
/// What a silo with <c>Mesh:Orleans:Kubernetes=true</c> reads from its pod (Orleans' <c>UseKubernetesHosting</c>):
/// the Downward API variables, set in <c>deploy/k8s/50-silo-statefulset.yaml</c>. Missing ones stop start-up with their names.
/// </summary>
internal static class KubernetesHosting
{
    /// <summary>The variables a pod must set, with where their value comes from.</summary>
    public static readonly (string Name, string Source)[] Variables =
    [
        ("POD_NAME", "fieldRef metadata.name"),
        ("POD_NAMESPACE", "fieldRef metadata.namespace"),
        ("POD_IP", "fieldRef status.podIP"),
        ("ORLEANS_SERVICE_ID", "fieldRef metadata.labels['orleans/serviceId']"),
        ("ORLEANS_CLUSTER_ID", "fieldRef metadata.labels['orleans/clusterId']"),
    ];

    /// <summary>Throws when a variable is unset or empty, naming each missing one and its source.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <exception cref="SiloConfigurationException">A variable is missing.</exception>
    public static void EnsureEnvironment(Func<string, string?> environment)
    {
        var missing = Variables.Where(v => string.IsNullOrWhiteSpace(environment(v.Name))).ToList();
        if (missing.Count > 0)
        {
            throw new SiloConfigurationException(
                $"Mesh:Orleans:Kubernetes: the pod does not set {string.Join(", ", missing.Select(v => $"{v.Name} ({v.Source})"))}; set them from the Downward API as deploy/k8s/50-silo-statefulset.yaml does.");
        }

        PodAddress(environment);
    }

    /// <summary>
    /// The pod's address (<c>POD_IP</c>), which the silo advertises. Set by the mesh itself: Orleans' own default
    /// (the first local address) is applied before the Kubernetes hosting's, which then keeps it.
    /// </summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The address.</returns>
    /// <exception cref="SiloConfigurationException">POD_IP is not an IP address.</exception>
    public static IPAddress PodAddress(Func<string, string?> environment)
    {
        var text = environment("POD_IP")?.Trim();
        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new SiloConfigurationException($"Mesh:Orleans:Kubernetes: POD_IP must be the pod's IP address (fieldRef status.podIP), got '{text}'.");
    }
}
