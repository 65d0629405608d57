namespace Mesh.Runtime;

/// <summary>Implemented by the generated registration class of each assembly that declares grains or grain interfaces.</summary>
public interface IGrainRegistration
{
    /// <summary>Adds the assembly's proxies, methods and grain classes to <paramref name="registry"/>.</summary>
    void Register(GrainTypeRegistry registry);
}
