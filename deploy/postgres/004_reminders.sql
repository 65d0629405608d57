-- Mesh schema 004: durable reminders for Orleans' ADO.NET reminder provider.
--
-- One row per (service, grain, reminder name). grain_id is the grain id's parsable text ("vault/aave");
-- grain_hash is its uniform hash as the provider passes it: the unsigned 32-bit ring position reinterpreted as a
-- signed integer, which keeps the ring's order up to a rotation, so the range queries below compare it signed.
--
-- ETag. Each upsert draws a fresh version from a sequence shared by all rows, so that a reminder deleted and
-- registered again never gets back a version an old handle still holds; removing names the version it holds.

CREATE SEQUENCE mesh_reminder_versions AS integer CYCLE;

CREATE TABLE mesh_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_mesh_reminders_ring ON mesh_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- All reminders of one grain.
('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM mesh_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$sql$),

-- One reminder of one grain; no row when it does not exist.
('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM mesh_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$sql$),

-- The ring range (@BeginHash, @EndHash] when it does not wrap in signed order (the provider picks this query
-- when (int)begin < (int)end).
('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM mesh_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$sql$),

-- The ring range (@BeginHash, @EndHash] when it wraps: after begin or up to end. Begin = end is the whole ring.
('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM mesh_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- Registers or replaces a reminder (unconditionally, as Orleans asks) and returns its new version.
('UpsertReminderRowKey', $sql$
INSERT INTO mesh_reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, nextval('mesh_reminder_versions'))
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms,
    version = excluded.version
RETURNING version AS "Version";
$sql$),

-- Removes a reminder if @Version is its current version; one boolean: whether it did.
('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM mesh_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Removed";
$sql$),

-- Removes every reminder of the service (Orleans calls it from tests only).
('DeleteReminderRowsKey', $sql$
DELETE FROM mesh_reminders WHERE service_id = @ServiceId;
$sql$);
