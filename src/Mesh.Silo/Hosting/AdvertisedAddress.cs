using System.Net;
using System.Net.Sockets;

namespace Mesh.Silo.Hosting;

/// <summary>Turns <c>Mesh:Orleans:AdvertisedHost</c> (an address, or a host name such as a compose service) into the IPv4 address Orleans advertises.</summary>
internal static class AdvertisedAddress
{
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new SiloConfigurationException($"Mesh:Orleans:AdvertisedHost: '{host}' has no IPv4 address.");
        }
        catch (SocketException exception)
        {
            throw new SiloConfigurationException($"Mesh:Orleans:AdvertisedHost: cannot resolve '{host}' ({exception.Message.TrimEnd('.')}).");
        }
    }
}
