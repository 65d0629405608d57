namespace Mesh.Silo.Hosting;

/// <summary>A setting is missing or malformed; the message names it.</summary>
public sealed class SiloConfigurationException(string message) : Exception(message)
{
}
