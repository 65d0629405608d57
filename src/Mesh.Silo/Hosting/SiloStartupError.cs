using System.Net.Sockets;
using Mesh.Chains.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mesh.Silo.Hosting;

/// <summary>Turns a start-up failure a user can fix into one line naming the setting or resource, and an exit code.</summary>
internal static class SiloStartupError
{
    /// <summary>A setting, the chains file or a resource named by a setting is wrong.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>A dependency (PostgreSQL) cannot be reached.</summary>
    public const int DependencyUnavailable = 3;

    public static bool TryDescribe(Exception exception, out string message, out int exitCode)
    {
        foreach (var cause in Causes(exception))
        {
            switch (cause)
            {
                case ChainsConfigurationException chains:
                    (message, exitCode) = ("Mesh silo did not start: the chains file is invalid." + Environment.NewLine + chains.Message, InvalidConfiguration);
                    return true;
                case Mesh.Chains.Evm.Local.HardhatSetupException setup:
                    (message, exitCode) = ("Mesh silo did not start: dev mode (Mesh:Chains:Dev) could not prepare the local chains: " + setup.Message, DependencyUnavailable);
                    return true;
                case SiloConfigurationException configuration:
                    (message, exitCode) = ("Mesh silo did not start: " + configuration.Message, InvalidConfiguration);
                    return true;
                case OptionsValidationException options:
                    (message, exitCode) = ("Mesh silo did not start: invalid settings: " + string.Join("; ", options.Failures), InvalidConfiguration);
                    return true;
                case Orleans.Runtime.OrleansConfigurationException orleans:
                    (message, exitCode) = ("Mesh silo did not start: invalid Orleans settings: " + orleans.Message, InvalidConfiguration);
                    return true;
                case Mesh.Storage.SchemaMigrationException migration:
                    (message, exitCode) = ($"Mesh silo did not start: the storage schema could not be brought up to date: {migration.Message}", InvalidConfiguration);
                    return true;
                case PostgresException postgres when postgres.SqlState.StartsWith("28", StringComparison.Ordinal) || postgres.SqlState == "3D000":
                    (message, exitCode) = ($"Mesh silo did not start: Mesh:Storage:ConnectionString: PostgreSQL refused the connection: {postgres.MessageText} ({postgres.SqlState}).", InvalidConfiguration);
                    return true;
                case NpgsqlException npgsql:
                    (message, exitCode) = ($"Mesh silo did not start: PostgreSQL (Mesh:Storage:ConnectionString) is unreachable: {Innermost(npgsql).Message}", DependencyUnavailable);
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    (message, exitCode) = ($"Mesh silo did not start: the SQLite state file under Mesh:DataDirectory cannot be used: {sqlite.Message}", InvalidConfiguration);
                    return true;
                case IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                    (message, exitCode) = ($"Mesh silo did not start: Urls: {io.Message}", InvalidConfiguration);
                    return true;
                case SocketException socket when socket.SocketErrorCode == SocketError.AddressAlreadyInUse:
                    (message, exitCode) = ($"Mesh silo did not start: a port of Mesh:Orleans (SiloPort or GatewayPort) is in use: {socket.Message}", InvalidConfiguration);
                    return true;
                default:
                    break;
            }
        }

        (message, exitCode) = (string.Empty, 0);
        return false;
    }

    /// <summary>The exception and everything it wraps, outermost first (Orleans wraps lifecycle failures).</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Queue<Exception>([exception]);
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            yield return next;
            if (next is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (next.InnerException is not null)
            {
                pending.Enqueue(next.InnerException);
            }
        }
    }

    private static Exception Innermost(Exception exception) => exception.InnerException is null ? exception : Innermost(exception.InnerException);
}
