-- Mesh SQLite schema 002: grain state for Orleans' ADO.NET grain storage provider.
--
-- One row per (service, state name, grain). The state is JSON text without CLR type names (Mesh's
-- JsonGrainStorageSerializer), so that an operator can read it:
--     sqlite3 mesh.db "SELECT json_extract(payload, '$.balance') FROM mesh_grain_state WHERE grain_key = 'vault/aave'"
-- The provider hands the JSON over as UTF-8 bytes (@PayloadBinary) and reads it back as bytes; these queries
-- convert between the two.
--
-- Identity and ETag follow deploy/postgres/003_grain_state.sql: Mesh passes the whole grain id ("vault/aave") as
-- @GrainIdExtensionString (stored as '' when NULL); the version counts writes from 1, and a write or clear changes
-- the row only if @GrainStateVersion (NULL when the caller read no row) is the stored version, or else returns no
-- row, which the provider turns into InconsistentStateException. Clearing keeps the row with a NULL payload.
--
-- The write is two statements that exclude each other (the first needs a version, the second needs none); each
-- commits on its own.

CREATE TABLE mesh_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    grain_id_n0 INTEGER NOT NULL DEFAULT 0,
    grain_id_n1 INTEGER NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL CHECK (version > 0),
    payload     TEXT    NULL CHECK (payload IS NULL OR json_valid(payload)),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, state_name, grain_key, grain_id_n0, grain_id_n1)
) WITHOUT ROWID;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- The state as UTF-8 JSON bytes (NULL when cleared) and its version; no row when never written.
('ReadFromStorageKey', '
SELECT CAST(payload AS BLOB) AS PayloadBinary, version AS Version
FROM mesh_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1;
'),

-- Replaces the state if @GrainStateVersion is the stored version, or creates the row at version 1 if the caller
-- read none (and nobody created it since). Returns the new version; no row on a conflict.
('WriteToStorageKey', '
UPDATE mesh_grain_state
SET payload = json(CAST(@PayloadBinary AS TEXT)), version = version + 1,
    updated_at = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
INSERT INTO mesh_grain_state (service_id, state_name, grain_key, grain_id_n0, grain_id_n1, version, payload)
SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''''), @GrainIdN0, @GrainIdN1, 1,
       json(CAST(@PayloadBinary AS TEXT))
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
'),

-- Clears the state (payload NULL, version + 1) if @GrainStateVersion is the stored version; returns the new
-- version, no row on a conflict.
('ClearStorageKey', '
UPDATE mesh_grain_state
SET payload = NULL, version = version + 1, updated_at = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
'),

-- Used instead of ClearStorageKey with DeleteStateOnClear: deletes the row if @GrainStateVersion is the stored
-- version; returns a value other than that version, no row on a conflict.
('DeleteStorageKey', '
DELETE FROM mesh_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''') AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND version = @GrainStateVersion
RETURNING version + 1 AS DeletedAfterVersion;
');
