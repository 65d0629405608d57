using System.Net;
using System.Net.Sockets;

namespace Mesh.Silo.Hosting;

/// <summary>Checks before start that the ports a silo will listen on are free, so that a conflict names the setting.</summary>
internal static class PortCheck
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    public static void EnsureFree(string setting, IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // SO_REUSEADDR alone (not .NET's ReuseAddress, which also sets SO_REUSEPORT on Unix): connections of an earlier
        // process in TIME_WAIT do not count as a conflict, a live listener does.
        socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new SiloConfigurationException($"{setting}: port {port} on {address} is already in use by another process.");
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new SiloConfigurationException($"{setting}: address {address} is not an address of this machine.");
        }
    }

    /// <summary>Checks each http URL of the <c>Urls</c> setting whose host is an IP address or localhost.</summary>
    public static void EnsureUrlsFree(string? urls)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                throw new SiloConfigurationException($"Urls: '{url}' is not a URL (expected for example http://127.0.0.1:5080).");
            }

            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : null;
            if (address is not null && uri.Port > 0)
            {
                EnsureFree("Urls", address, uri.Port);
            }
        }
    }
}
