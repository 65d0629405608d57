-- Mesh.Runtime schema, version 1: grain state, partition leases (fencing) and reminders.
-- The runtime applies this script itself (recorded in mesh_schema_version); operators may apply it by hand.

CREATE TABLE IF NOT EXISTS mesh_grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     jsonb       NULL,          -- NULL marks a cleared record (a tombstone keeps the version)
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
);

-- One row per partition. The epoch only ever grows; every fenced write checks it in the same statement.
CREATE TABLE IF NOT EXISTS mesh_partition_lease (
    partition_id integer     PRIMARY KEY,
    owner_silo   text        NULL,
    epoch        bigint      NOT NULL DEFAULT 0,
    expires_at   timestamptz NULL
);

CREATE TABLE IF NOT EXISTS mesh_reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    partition_id  integer     NOT NULL,
    start_at      timestamptz NOT NULL,
    period_ms     bigint      NOT NULL CHECK (period_ms > 0),
    next_due      timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 1,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_mesh_reminders_partition ON mesh_reminders (partition_id);
