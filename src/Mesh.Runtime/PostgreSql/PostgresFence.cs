using Mesh.Runtime.Persistence;
using Npgsql;

namespace Mesh.Runtime.PostgreSql;

/// <summary>
/// The fencing condition every write carries, evaluated in the write's own statement. <c>FOR SHARE</c> locks the
/// lease row, so a concurrent epoch bump either waits for this write or makes it see the new epoch and write nothing.
/// </summary>
internal static class PostgresFence
{
    public const string Condition =
        "(@fence_owner = '' OR EXISTS (SELECT 1 FROM mesh_partition_lease l WHERE l.partition_id = @fence_partition AND l.epoch = @fence_epoch AND l.owner_silo = @fence_owner FOR SHARE))";

    public static void AddParameters(NpgsqlCommand command, WriteFence fence)
    {
        command.Parameters.AddWithValue("fence_epoch", fence.Epoch);
        command.Parameters.AddWithValue("fence_partition", fence.Partition);
        command.Parameters.AddWithValue("fence_owner", fence.Owner ?? string.Empty);
    }

    public static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, WriteFence fence, CancellationToken cancellationToken)
    {
        if (!fence.IsFenced)
        {
            return true;
        }

        await using var command = new NpgsqlCommand($"SELECT {Condition}", connection);
        AddParameters(command, fence);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
