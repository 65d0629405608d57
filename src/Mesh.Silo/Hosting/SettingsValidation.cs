using System.Net;
using Mesh.Storage;
using Npgsql;

namespace Mesh.Silo.Hosting;

/// <summary>Value checks on bound settings; each problem names the setting and what is wrong with it.</summary>
internal static class SettingsValidation
{
    public static IEnumerable<string> Validate(MeshOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            yield return "Mesh:DataDirectory: must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(options.ChainsFile))
        {
            yield return "Mesh:ChainsFile: must not be empty.";
        }

        foreach (var problem in ValidateStorage(options.Storage))
        {
            yield return problem;
        }

        foreach (var problem in ValidateOrleans(options.Orleans))
        {
            yield return problem;
        }

        if (options.Orleans.Kubernetes && options.Storage.Provider != StorageProvider.PostgreSql)
        {
            yield return $"Mesh:Orleans:Kubernetes: needs Mesh:Storage:Provider PostgreSql (membership of the pods' cluster), got {options.Storage.Provider}.";
        }

        foreach (var problem in options.Evm.Validate())
        {
            yield return problem;
        }

        if (options.Storage.Provider == StorageProvider.PostgreSql && !string.IsNullOrWhiteSpace(options.Evm.TransactionStoreFile))
        {
            yield return "Mesh:Evm:TransactionStoreFile: must be empty when Mesh:Storage:Provider is PostgreSql: the silos of a cluster share " +
                "the EVM transaction store in its database (tables mesh_evm_transactions and mesh_evm_nonces), so that they never race for a nonce.";
        }

        foreach (var problem in options.Api.Validate())
        {
            yield return problem;
        }

        foreach (var check in new Action[] { options.Risk.Validate, options.InterestRates.Validate, options.Pools.Validate, options.Chains.Monitor.Validate, options.Oracles.SimulatedFeed.Validate, options.Oracles.ChainFeeds.Validate, options.Rebalancing.Allocation.Validate, options.Rebalancing.Hedge.Validate })
        {
            if (Problem(check) is { } problem)
            {
                yield return problem;
            }
        }

        if (Problem(options.Transfers.Validate) is { } transfers)
        {
            yield return transfers;
        }

        // A request can still be in flight for the response timeout; an answer forgotten before that could be applied twice.
        if (options.Pools.RetainAcknowledgedFor > TimeSpan.Zero && options.Pools.RetainAcknowledgedFor <= options.Orleans.ResponseTimeout)
        {
            yield return $"Mesh:Pools:RetainAcknowledgedFor: must be longer than Mesh:Orleans:ResponseTimeout ({options.Orleans.ResponseTimeout}), the longest a request can still be in flight; got {options.Pools.RetainAcknowledgedFor}.";
        }
    }

    /// <summary>The domain options validate by throwing; their messages already name the setting.</summary>
    private static string? Problem(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    private static IEnumerable<string> ValidateStorage(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                yield return "Mesh:Storage:ConnectionString: is required when Mesh:Storage:Provider is PostgreSql.";
                yield break;
            }

            string? error = null;
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host))
                {
                    error = "Mesh:Storage:ConnectionString: names no Host.";
                }
            }
            catch (ArgumentException exception)
            {
                error = $"Mesh:Storage:ConnectionString: is not a valid PostgreSQL connection string ({exception.Message.TrimEnd('.')}).";
            }

            if (error is not null)
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> ValidateOrleans(MeshOrleansOptions orleans)
    {
        if (string.IsNullOrWhiteSpace(orleans.ClusterId))
        {
            yield return "Mesh:Orleans:ClusterId: must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(orleans.ServiceId))
        {
            yield return "Mesh:Orleans:ServiceId: must not be empty.";
        }

        if (orleans.SiloPort is < 1 or > 65535)
        {
            yield return $"Mesh:Orleans:SiloPort: must be a port between 1 and 65535, got {orleans.SiloPort}.";
        }

        if (orleans.GatewayPort is < 1 or > 65535)
        {
            yield return $"Mesh:Orleans:GatewayPort: must be a port between 1 and 65535, got {orleans.GatewayPort}.";
        }

        if (orleans.SiloPort == orleans.GatewayPort)
        {
            yield return $"Mesh:Orleans:GatewayPort: must differ from Mesh:Orleans:SiloPort ({orleans.SiloPort}).";
        }

        if (!IPAddress.TryParse(orleans.ListenAddress, out _))
        {
            yield return $"Mesh:Orleans:ListenAddress: must be an IP address (0.0.0.0 for all interfaces), got '{orleans.ListenAddress}'.";
        }

        if (string.IsNullOrWhiteSpace(orleans.AdvertisedHost))
        {
            yield return "Mesh:Orleans:AdvertisedHost: must not be empty.";
        }

        if (orleans.ResponseTimeout <= TimeSpan.Zero)
        {
            yield return $"Mesh:Orleans:ResponseTimeout: must be positive, got {orleans.ResponseTimeout}.";
        }

        if (orleans.GrainDirectoryLeaseDuration < TimeSpan.Zero)
        {
            yield return $"Mesh:Orleans:GrainDirectoryLeaseDuration: must not be negative, got {orleans.GrainDirectoryLeaseDuration}.";
        }

        if (orleans.CollectionAge < TimeSpan.FromMinutes(1))
        {
            yield return $"Mesh:Orleans:CollectionAge: must be at least 00:01:00 (Orleans collects idle activations once a minute), got {orleans.CollectionAge}.";
        }

        var membership = orleans.Membership;
        if (membership.ProbeTimeout <= TimeSpan.Zero)
        {
            yield return $"Mesh:Orleans:Membership:ProbeTimeout: must be positive, got {membership.ProbeTimeout}.";
        }

        if (membership.NumMissedProbesLimit < 1)
        {
            yield return $"Mesh:Orleans:Membership:NumMissedProbesLimit: must be at least 1, got {membership.NumMissedProbesLimit}.";
        }

        if (membership.NumVotesForDeathDeclaration < 1)
        {
            yield return $"Mesh:Orleans:Membership:NumVotesForDeathDeclaration: must be at least 1, got {membership.NumVotesForDeathDeclaration}.";
        }
    }
}
