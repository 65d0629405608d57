using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mesh.Testing;

/// <summary>
/// Hands out loopback ports for the servers a test starts (silos, PostgreSQL, Hardhat nodes, proxies), each at most
/// once per test process.
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 and closing the listener is racy twice over: the kernel may give the same port to the
/// next such request before the first server binds it (CI once started one silo's HTTP endpoint on the port another
/// silo had just taken for Orleans), and any outgoing connection may take it as its local port, since it lies in the
/// kernel's ephemeral range. These ports come from just below that range, which the kernel never assigns by itself,
/// walked from an offset that depends on the process id so that test processes run one after another start apart.
/// </remarks>
public static class TestPorts
{
    private const int RangeSize = 10_000;

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];
    private static readonly (int First, int Last) Range = ChooseRange();
    private static int _next = Range.First + (Environment.ProcessId * 211 % (Range.Last - Range.First + 1));

    /// <summary>A loopback port no earlier call in this process returned and that nothing listens on now.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Range.Last - Range.First; tried++)
            {
                var port = _next;
                _next = _next == Range.Last ? Range.First : _next + 1;
                if (!Given.Contains(port) && CanListen(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port left in {Range.First}-{Range.Last}.");
    }

    private static bool CanListen(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Ports below the kernel's ephemeral range (above it where the range starts too low to leave room).</summary>
    private static (int First, int Last) ChooseRange()
    {
        var (low, high) = (32_768, 60_999);
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            (low, high) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or not readable: Linux's default range.
        }

        return low - RangeSize >= 10_000 ? (low - RangeSize, low - 1) : (high + 1, Math.Min(65_535, high + RangeSize));
    }
}
