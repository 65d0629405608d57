-- Mesh SQLite schema 001: the two tables every other script builds on (single node, one database file).
--
-- mesh_schema_migrations records which of these numbered scripts the file has had, with the SHA-256 of each
-- script's text; the silo's migrator fills it and refuses to start on a script that changed after it ran.
--
-- OrleansQuery holds the SQL that Orleans' ADO.NET grain storage provider reads when it starts, one query per
-- key, run with named parameters (@GrainIdHash, @PayloadBinary, ...). The provider looks the table and its
-- columns up by these exact names.

CREATE TABLE mesh_schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    checksum   TEXT    NOT NULL CHECK (length(checksum) = 64),
    applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
