#!/usr/bin/env bash
# Installs the Mesh dashboard's chart library (npm chart.js, pinned by package-lock.json next to this script) into
# the silo's obj/dashboard-npm, where the build embeds dist/chart.umd.js in Mesh.Silo.dll. The library is never
# committed. The silo's build runs this script; it is idempotent and offline when already done (the lock file is the
# fingerprint).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../obj/dashboard-npm"
mkdir -p "$target"

if [ -f "$target/node_modules/chart.js/dist/chart.umd.js" ] && cmp -s "$here/package-lock.json" "$target/package-lock.json"; then
  exit 0
fi

if ! command -v npm >/dev/null; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; }; then
    echo "setup-assets: installing nodejs and npm (Debian packages) for the dashboard's chart library"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  else
    echo "setup-assets: npm is missing; install Node.js and npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
fi

cp "$here/package.json" "$here/package-lock.json" "$target/"
(cd "$target" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
[ -f "$target/node_modules/chart.js/dist/chart.umd.js" ] || { echo "setup-assets: chart.js/dist/chart.umd.js is missing after npm ci" >&2; exit 1; }
echo "setup-assets: chart.js installed in $target"
