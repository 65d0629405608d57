using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Silo.Tests.Deployment;

/// <summary>The objects of deploy/k8s (the files <c>kubectl apply -f deploy/k8s/</c> applies, and the templates under it).</summary>
internal sealed class KubernetesManifests
{
    private KubernetesManifests(List<(string Source, JsonObject Object)> objects) => Objects = objects;

    public static string Folder => Path.Combine(SiloProcess.RepositoryRoot(), "deploy", "k8s");

    /// <summary>Each object with the file it comes from (relative to deploy/k8s) and its index in that file.</summary>
    public List<(string Source, JsonObject Object)> Objects { get; }

    public static KubernetesManifests Load()
    {
        var objects = new List<(string, JsonObject)>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var documents = YamlJson.Documents(File.ReadAllText(file));
            for (var i = 0; i < documents.Count; i++)
            {
                objects.Add(($"{Path.GetRelativePath(Folder, file)}#{i}", documents[i].AsObject()));
            }
        }

        return new KubernetesManifests(objects);
    }

    public JsonObject Single(string kind, string name)
    {
        var matches = Objects.Where(o => Kind(o.Object) == kind && Name(o.Object) == name).ToList();
        Assert.True(matches.Count == 1, $"deploy/k8s holds {matches.Count} {kind} named {name}, not one.");
        return matches[0].Object;
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Kind(o.Object) == kind).Select(o => o.Object);

    public static string Kind(JsonNode node) => node["kind"]!.GetValue<string>();

    public static string Name(JsonNode node) => node["metadata"]!["name"]!.GetValue<string>();

    /// <summary>The silo StatefulSet's pod template.</summary>
    public JsonObject PodTemplate() => Single("StatefulSet", "mesh-silo")["spec"]!["template"]!.AsObject();

    /// <summary>The silo container.</summary>
    public JsonObject SiloContainer() => PodTemplate()["spec"]!["containers"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "silo")!.AsObject();

    /// <summary>Labels as a dictionary.</summary>
    public static Dictionary<string, string> Labels(JsonNode? labels) =>
        (labels?.AsObject() ?? []).ToDictionary(l => l.Key, l => l.Value!.GetValue<string>());
}
