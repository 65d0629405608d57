-- Mesh schema 003: grain state for Orleans' ADO.NET grain storage provider.
--
-- One row per (service, state name, grain). The state is JSON without CLR type names (Mesh's
-- JsonGrainStorageSerializer), kept as jsonb so that an operator can query it:
--     SELECT payload->>'balance' FROM mesh_grain_state WHERE grain_key = 'vault/aave';
-- The provider hands the JSON over as UTF-8 bytes (@PayloadBinary) and reads it back the same way; these queries
-- convert. Another storage serializer (binary) cannot be used with this table.
--
-- Identity. The provider passes a grain's key as two integers (@GrainIdN0, @GrainIdN1: a Guid or integer key)
-- and a text (@GrainIdExtensionString: a string key, or a key extension, or NULL), and the state name in
-- @GrainTypeString. Mesh wraps the provider so that it passes the whole grain id ("vault/aave") as the text and
-- zeros as the integers: grains of different types with the same key keep separate rows. A NULL text is stored
-- as '', so that the key can be the primary key (a grain whose string key is empty would share the row of the
-- integer-keyed grain 0 of the same state name; through Mesh's wrapper neither occurs).
-- The provider's hashes (@GrainIdHash, @GrainTypeHash) are not needed: the primary key is the index.
--
-- ETag. The version counts writes, starting at 1. A write or clear names the version it read
-- (@GrainStateVersion, NULL when it read no row) and changes the row only if that is still the stored version;
-- otherwise the query returns no row and the provider throws InconsistentStateException. Clearing keeps the row
-- with a NULL payload and a new version, so the next writer is checked too.

CREATE TABLE mesh_grain_state (
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_key   text        NOT NULL,
    grain_id_n0 bigint      NOT NULL DEFAULT 0,
    grain_id_n1 bigint      NOT NULL DEFAULT 0,
    version     integer     NOT NULL CHECK (version > 0),
    payload     jsonb       NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_key, grain_id_n0, grain_id_n1)
);

COMMENT ON COLUMN mesh_grain_state.payload IS 'The grain state as JSON; NULL after the grain cleared it.';

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- The state as UTF-8 JSON bytes (NULL when cleared) and its version; no row when never written.
('ReadFromStorageKey', $sql$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary", version AS "Version"
FROM mesh_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1;
$sql$),

-- Replaces the state if @GrainStateVersion is the stored version, or creates the row at version 1 if the caller
-- read none (and nobody created it since). Returns the new version; no row on a conflict.
('WriteToStorageKey', $sql$
WITH replaced AS (
    UPDATE mesh_grain_state
    SET payload = convert_from(@PayloadBinary, 'UTF8')::jsonb, version = version + 1, updated_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND version = @GrainStateVersion
    RETURNING version
), created AS (
    INSERT INTO mesh_grain_state (service_id, state_name, grain_key, grain_id_n0, grain_id_n1, version, payload)
    SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @GrainIdN0, @GrainIdN1, 1,
           convert_from(@PayloadBinary, 'UTF8')::jsonb
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM replaced
UNION ALL
SELECT version FROM created;
$sql$),

-- Clears the state (payload NULL, version + 1) if @GrainStateVersion is the stored version; returns the new
-- version, no row on a conflict.
('ClearStorageKey', $sql$
UPDATE mesh_grain_state
SET payload = NULL, version = version + 1, updated_at = now()
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$sql$),

-- Used instead of ClearStorageKey when a provider is configured with DeleteStateOnClear: deletes the row if
-- @GrainStateVersion is the stored version. Returns a value other than that version (the provider only checks
-- that it differs); no row on a conflict.
('DeleteStorageKey', $sql$
DELETE FROM mesh_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version + 1 AS "DeletedAfterVersion";
$sql$);
