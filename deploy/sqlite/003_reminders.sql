-- Mesh SQLite schema 003: durable reminders, kept by Mesh's own reminder table (Orleans has no SQLite reminder
-- provider; the queries live in Mesh.Storage's SqliteReminderTable).
--
-- One row per (service, grain, reminder name). grain_id is the grain id's parsable text ("vault/aave");
-- grain_hash is its uniform hash, the unsigned ring position 0..4294967295, which the range reads compare.
-- start_time is UTC, ISO 8601 with 100 ns digits. The ETag is a fresh GUID on every upsert.

CREATE TABLE mesh_reminders (
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    grain_hash    INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_time    TEXT    NOT NULL,
    period_ms     INTEGER NOT NULL,
    etag          TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX ix_mesh_reminders_ring ON mesh_reminders (service_id, grain_hash);
