using Mesh.Chains.Configuration;
using Mesh.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mesh.Silo.Hosting;

/// <summary>Turns start-up failures a user can fix into one clear message and a non-zero exit code.</summary>
internal static class SiloStartupError
{
    public const int InvalidConfiguration = 2;
    public const int StorageUnavailable = 3;

    public static bool TryDescribe(Exception exception, out string message, out int exitCode)
    {
        switch (exception)
        {
            case ChainsConfigurationException chains:
                message = "Mesh silo did not start: the chains file is invalid." + Environment.NewLine + chains.Message;
                exitCode = InvalidConfiguration;
                return true;
            case OptionsValidationException options:
                message = "Mesh silo did not start: invalid settings." + Environment.NewLine + string.Join(Environment.NewLine, options.Failures);
                exitCode = InvalidConfiguration;
                return true;
            case SiloConfigurationException configuration:
                message = "Mesh silo did not start: " + configuration.Message;
                exitCode = InvalidConfiguration;
                return true;
            case NpgsqlException or SiloUnavailableException or Microsoft.Data.Sqlite.SqliteException:
                message = "Mesh silo did not start: its storage is unavailable: " + exception.Message;
                exitCode = StorageUnavailable;
                return true;
            default:
                message = string.Empty;
                exitCode = 0;
                return false;
        }
    }
}
