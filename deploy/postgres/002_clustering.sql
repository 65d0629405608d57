-- Mesh schema 002: cluster membership for Orleans' ADO.NET clustering provider (silos and clients).
--
-- Orleans keeps, per cluster, one version number and one row per silo incarnation (address, port, generation).
-- Every change to a silo row happens only together with an increment of that version, and only when the caller
-- presents the version it read: a silo that acts on a stale view of the cluster changes nothing and reads again.
-- The I-am-alive heartbeat is the one write that leaves the version alone. Times are UTC (timestamptz).
--
-- The provider calls the cluster id "DeploymentId". Result columns keep the names the provider reads by.

CREATE TABLE mesh_cluster_version (
    cluster_id text        PRIMARY KEY,
    version    integer     NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mesh_cluster_silos (
    cluster_id      text        NOT NULL REFERENCES mesh_cluster_version (cluster_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    status_name     text        GENERATED ALWAYS AS (
                        CASE status
                            WHEN 0 THEN 'None' WHEN 1 THEN 'Created' WHEN 2 THEN 'Joining' WHEN 3 THEN 'Active'
                            WHEN 4 THEN 'ShuttingDown' WHEN 5 THEN 'Stopping' WHEN 6 THEN 'Dead'
                            ELSE 'Unknown'
                        END) STORED,
    proxy_port      integer     NOT NULL DEFAULT 0,
    -- "silo-address,time|silo-address,time": who suspected this silo and when, as Orleans formats it.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

COMMENT ON COLUMN mesh_cluster_silos.status IS 'Orleans SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.';

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the version row of a cluster the first time a silo starts; one boolean: whether this call created it.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO mesh_cluster_version (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING cluster_id
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$sql$),

-- Adds a silo row if @Version is still the cluster's version and the row is new; bumps the version with it.
-- FOR UPDATE makes a concurrent writer that read the same version wait here, re-read the row and find it stale.
('InsertMembershipKey', $sql$
WITH current_version AS (
    SELECT cluster_id FROM mesh_cluster_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE
), added AS (
    INSERT INTO mesh_cluster_silos
        (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
    RETURNING cluster_id
), bumped AS (
    UPDATE mesh_cluster_version v SET version = v.version + 1, changed_at = now()
    FROM added a WHERE v.cluster_id = a.cluster_id
    RETURNING v.cluster_id
)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Inserted";
$sql$),

-- Changes a silo's status and suspicions if @Version is still the cluster's version; bumps the version with it.
('UpdateMembershipKey', $sql$
WITH current_version AS (
    SELECT cluster_id FROM mesh_cluster_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE
), changed AS (
    UPDATE mesh_cluster_silos s
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM current_version c
    WHERE s.cluster_id = c.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING s.cluster_id
), bumped AS (
    UPDATE mesh_cluster_version v SET version = v.version + 1, changed_at = now()
    FROM changed c WHERE v.cluster_id = c.cluster_id
    RETURNING v.cluster_id
)
SELECT EXISTS (SELECT 1 FROM bumped) AS "Updated";
$sql$),

-- The heartbeat: only the silo's own I-am-alive time, no version check and no version change.
('UpdateIAmAlivetimeKey', $sql$
UPDATE mesh_cluster_silos SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),

-- The whole table: one row per silo, each carrying the cluster version; a cluster without silos gives one row
-- with only the version (the provider reads a null StartTime as "no silo").
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM mesh_cluster_version v
LEFT JOIN mesh_cluster_silos s ON s.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId;
$sql$),

-- One silo with the cluster version, in the same shape as MembershipReadAllKey.
('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
       s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
       s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
FROM mesh_cluster_version v
LEFT JOIN mesh_cluster_silos s
    ON s.cluster_id = v.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.cluster_id = @DeploymentId;
$sql$),

-- Gateways for clients: silos in @Status (Active) that accept clients.
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM mesh_cluster_silos
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$sql$),

-- Forgets a whole cluster: its version row and, by cascade, its silos.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM mesh_cluster_version WHERE cluster_id = @DeploymentId;
$sql$),

-- Removes dead silos last heard of before @IAmAliveTime. Orleans 10.4 asks for this key to exist but prefers
-- CleanupDefunctSiloEntryKey below when that is present.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM mesh_cluster_silos
WHERE cluster_id = @DeploymentId AND status = 6
  AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime;
$sql$),

-- Removes one dead silo that Orleans judged expired, only if the row is still exactly what it judged (status,
-- times and suspicions unchanged since it read the table).
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM mesh_cluster_silos
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM @SuspectTimes;
$sql$);
