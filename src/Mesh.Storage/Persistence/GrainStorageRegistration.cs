using Mesh.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Mesh.Storage.Persistence;

/// <summary>Registers Orleans' ADO.NET grain storage as the default provider, the way Mesh uses it.</summary>
internal static class GrainStorageRegistration
{
    /// <summary>The name Orleans resolves for grains that name no storage provider.</summary>
    public const string DefaultProviderName = "Default";

    /// <summary>
    /// Adds the ADO.NET provider as <see cref="DefaultProviderName"/>, with <see cref="JsonGrainStorageSerializer"/>
    /// (the one registered in the container, else one with default options) and wrapped in
    /// <see cref="GrainIdScopedStorage"/>.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configure">Sets the invariant and the connection string or data source.</param>
    public static void AddMeshAdoNetGrainStorage(this IServiceCollection services, Action<AdoNetGrainStorageOptions> configure)
    {
        services.TryAddSingleton(_ => new JsonGrainStorageSerializer());
        services.AddAdoNetGrainStorage(DefaultProviderName, options => options.Configure<JsonGrainStorageSerializer>((o, serializer) =>
        {
            configure(o);
            o.GrainStorageSerializer = serializer;
        }));

        var provider = services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, DefaultProviderName));
        var create = provider.KeyedImplementationFactory
            ?? throw new InvalidOperationException("Orleans registered its ADO.NET grain storage without a factory; Mesh cannot wrap it.");
        services.Remove(provider);
        services.AddKeyedSingleton<IGrainStorage>(DefaultProviderName, (sp, key) => new GrainIdScopedStorage((IGrainStorage)create(sp, key)));
    }

    /// <summary>
    /// Adds <see cref="SqliteGrainStorage"/> on <paramref name="dataSource"/> as <see cref="DefaultProviderName"/>, with
    /// <see cref="JsonGrainStorageSerializer"/> (the one registered in the container, else one with default options)
    /// and wrapped in <see cref="GrainIdScopedStorage"/>.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="dataSource">The SQLite file.</param>
    public static void AddMeshSqliteGrainStorage(this IServiceCollection services, SqliteStorageDataSource dataSource)
    {
        services.TryAddSingleton(_ => new JsonGrainStorageSerializer());
        services.AddKeyedSingleton<IGrainStorage>(DefaultProviderName, (sp, _) => new GrainIdScopedStorage(new SqliteGrainStorage(
            dataSource,
            sp.GetRequiredService<JsonGrainStorageSerializer>(),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId)));

        // Orleans finds the storage of a [PersistentState] that names no provider as the unkeyed IGrainStorage.
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(DefaultProviderName));
    }
}
