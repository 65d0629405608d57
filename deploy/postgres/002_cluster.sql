-- Mesh.Runtime schema, version 2: cluster membership. Times are the database's clock (now()), never the silos'.

CREATE TABLE IF NOT EXISTS mesh_silos (
    silo_id      text        PRIMARY KEY,
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   bigint      NOT NULL,
    status       text        NOT NULL CHECK (status IN ('joining', 'active', 'leaving', 'dead')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now()
);

-- The partition count is fixed for the life of a cluster; silos configured differently refuse to start.
CREATE TABLE IF NOT EXISTS mesh_cluster_config (
    id              integer PRIMARY KEY CHECK (id = 1),
    partition_count integer NOT NULL CHECK (partition_count > 0)
);

CREATE INDEX IF NOT EXISTS ix_mesh_partition_lease_owner ON mesh_partition_lease (owner_silo);
