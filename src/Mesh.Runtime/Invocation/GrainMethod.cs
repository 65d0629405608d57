namespace Mesh.Runtime.Invocation;

/// <summary>Describes one grain interface method; generated once per method.</summary>
/// <param name="InterfaceName">The full name of the declaring interface.</param>
/// <param name="Name">The method name.</param>
/// <param name="MethodId">The method's signature, unique within its interface.</param>
/// <param name="Flags">Interleaving flags.</param>
/// <param name="CreateRequest">Creates an empty request, used when a call arrives from another silo.</param>
public sealed record GrainMethod(string InterfaceName, string Name, string MethodId, GrainMethodFlags Flags, Func<GrainRequest> CreateRequest)
{
    /// <summary>Gets the display name used in spans and errors, e.g. <c>IVaultGrain.Deposit</c>.</summary>
    public string DisplayName { get; } = ShortName(InterfaceName) + "." + Name;

    /// <summary>Gets a value indicating whether the method may interleave with running turns.</summary>
    public bool IsInterleavable => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    /// <summary>Gets a value indicating whether the method is read-only.</summary>
    public bool IsReadOnly => (Flags & GrainMethodFlags.ReadOnly) != 0;

    private static string ShortName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }
}
