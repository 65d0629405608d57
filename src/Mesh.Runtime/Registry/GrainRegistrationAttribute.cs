namespace Mesh.Runtime;

/// <summary>Points at the generated <see cref="IGrainRegistration"/> of an assembly.</summary>
/// <param name="registrationType">The generated registration type.</param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class GrainRegistrationAttribute(Type registrationType) : Attribute
{
    /// <summary>Gets the generated registration type.</summary>
    public Type RegistrationType { get; } = registrationType;
}
