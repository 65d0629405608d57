-- Mesh schema 001: the two tables every other script builds on.
--
-- mesh_schema_migrations records which of these numbered scripts a database has had, with the SHA-256 of each
-- script's text, so that a silo applies a script once and refuses to start on a script that changed after it ran.
-- The silo's migrator fills it; deploy/postgres/README.md shows how to fill it when applying the scripts by hand.
--
-- OrleansQuery holds the SQL that Orleans' ADO.NET providers (clustering, grain persistence, reminders) read once
-- when they start. They look the table and its two columns up by these exact names; every row is one query, found
-- by its key, that the provider runs with named parameters (@DeploymentId, @GrainIdHash, ...). The later scripts
-- insert Mesh's own queries over Mesh's own tables.

CREATE TABLE mesh_schema_migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    checksum   text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text        NOT NULL
);
