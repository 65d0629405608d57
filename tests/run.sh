#!/usr/bin/env bash
# Runs the whole Mesh test suite on a fresh machine. It installs what the tests need (PostgreSQL server binaries,
# docker-compose for validating the compose file, Debian's chromium for the dashboards' browser tests), restores
# NuGet packages, builds and runs every test project.
# Tests start their own throwaway PostgreSQL (as user postgres, on a free loopback port), their own silo processes
# on free loopback ports, and remove everything afterwards.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Storage").
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> preparing the local EVM chains (npm packages, contracts)"
tests/setup-evm.sh
echo "==> installing the Kubernetes API schemas of the deployment tests"
tests/setup-k8s-schemas.sh
echo "==> restoring"
dotnet restore Mesh.sln
echo "==> building"
dotnet build Mesh.sln -c Release --no-restore -nologo
echo "==> testing"
# Test projects run one after another (-m:1): the process-level cluster tests measure failover in seconds and must
# not share the two cores with another project's silos.
dotnet test Mesh.sln -c Release --no-build -nologo -m:1 "$@"
