namespace Mesh.Cli.Hosting;

/// <summary>What <c>mesh</c> exits with; scripts branch on these.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The API refused the request (a domain error with a problem code), or a transfer ended without settling.</summary>
    public const int Refused = 1;

    /// <summary>Bad input or usage: an unknown command or option, a malformed value; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The API is unreachable (connection refused, DNS, timeout) or answered with something that is not the mesh's API.</summary>
    public const int Unreachable = 3;

    /// <summary>A wait (<c>--timeout</c>) ran out before the operation reached a final state; it may still finish.</summary>
    public const int TimedOut = 4;

    /// <summary>A failure mesh did not foresee (a bug; the message has the details).</summary>
    public const int Software = 70;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
