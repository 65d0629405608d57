using Mesh.Api;
using Mesh.Errors;
using Orleans.Runtime;

namespace Mesh.Grains.Api;

/// <summary>One API key: created once, read on authentication, revoked for good.</summary>
internal sealed class ApiKeyGrain([PersistentState("apikey")] IPersistentState<ApiKeyState> state, TimeProvider clock) : Grain, IApiKeyGrain
{
    public async Task Create(ApiKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = this.GetPrimaryKeyString();
        if (!string.Equals(record.Summary.KeyId, key, StringComparison.Ordinal))
        {
            throw MeshException.Invalid("keyId", "api_key.id_mismatch", $"keyId: the record names key '{record.Summary.KeyId}', not this grain's.");
        }

        if (state.State.KeyId.Length > 0)
        {
            throw new MeshException(MeshErrorKind.Conflict, "api_key.exists", "An API key with this id already exists.");
        }

        var summary = record.Summary;
        state.State = new ApiKeyState
        {
            KeyId = key,
            Role = summary.Role,
            Principal = summary.Principal,
            Name = summary.Name,
            CreatedAt = summary.CreatedAt,
            RevokedAt = summary.RevokedAt,
            SecretHash = record.SecretHash.ToArray(),
        };
        await state.WriteStateAsync(cancellationToken);
    }

    public Task<ApiKeyRecord?> Read(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.KeyId.Length == 0 ? null : new ApiKeyRecord(state.State.ToSummary(), state.State.SecretHash.ToArray()));

    public async Task<ApiKeySummary> Revoke(CancellationToken cancellationToken = default)
    {
        if (state.State.KeyId.Length == 0)
        {
            throw new MeshException(MeshErrorKind.NotFound, "api_key.not_found", "No API key has this id.", "keyId");
        }

        if (state.State.RevokedAt is null)
        {
            state.State.RevokedAt = clock.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }

        return state.State.ToSummary();
    }
}
