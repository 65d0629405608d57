#!/usr/bin/env bash
# Applies the Mesh schema scripts in this folder to a PostgreSQL database by hand, in file-name order, each in one
# transaction together with its row in mesh_schema_migrations (number, name, SHA-256), exactly as a silo's migrator
# would; scripts the database already has are skipped. Silos started afterwards find nothing left to apply.
#
#   deploy/postgres/provision.sh "host=db.example port=5432 dbname=mesh user=mesh_owner"
#
# The argument is anything psql accepts as a connection (a conninfo string or URI); without one, psql's usual
# PG* environment variables apply. Needs psql and sha256sum.
set -euo pipefail
cd "$(dirname "$0")"
connection=("$@")
psql_run() { psql "${connection[@]}" -X -q -v ON_ERROR_STOP=1 "$@"; }

has_table=$(psql_run -A -t -c "SELECT to_regclass('mesh_schema_migrations') IS NOT NULL")
for file in [0-9][0-9][0-9]_*.sql; do
  name=${file%.sql}
  version=$((10#${name%%_*}))
  checksum=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$has_table" = "t" ]; then
    recorded=$(psql_run -A -t -c "SELECT checksum FROM mesh_schema_migrations WHERE version = $version")
    if [ -n "$recorded" ]; then
      if [ "$recorded" != "$checksum" ]; then
        echo "$file was applied with checksum $recorded but is now $checksum: an applied script must not change." >&2
        exit 1
      fi
      echo "$file: already applied"
      continue
    fi
  fi
  psql_run --single-transaction -f "$file" \
    -c "INSERT INTO mesh_schema_migrations (version, name, checksum) VALUES ($version, '$name', '$checksum')"
  has_table=t
  echo "$file: applied"
done
