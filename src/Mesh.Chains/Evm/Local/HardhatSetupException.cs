namespace Mesh.Chains.Evm.Local;

/// <summary>Installing, compiling or starting the local Hardhat tool chain failed; the message says which step and why.</summary>
public sealed class HardhatSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HardhatSetupException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public HardhatSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public HardhatSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
