#!/usr/bin/env bash
# Remakes docs/cli-transfer.txt and docs/cli-transfer.png: runs the CLI's transfer test (a real silo process, a
# transfer followed until settled) with its display recorded, then renders the recording with headless Chromium
# (Debian: apt-get install -y chromium). Run from the repository root after `dotnet build tests/Mesh.Cli.Tests -c Release`.
set -euo pipefail
out=$(mktemp -d /tmp/mesh-cli-capture.XXXX)
MESH_CLI_CAPTURE_DIR=$out dotnet test tests/Mesh.Cli.Tests -c Release --no-build \
  --filter "FullyQualifiedName~TransferCommandTests.Transfer_QuotedUsdc" > "$out/test.log"
cp "$out/cli-transfer.txt" docs/cli-transfer.txt
id=$(head -1 "$out/cli-transfer.txt" | sed -E 's/^transfer [^:]+:([^:]+):.*/\1/')
{
  echo '<!doctype html><html><head><meta charset="utf-8"><style>'
  echo 'body{margin:0;padding:16px 20px;background:#1e1e1e;color:#d4d4d4}'
  echo 'pre,div{font-family:"DejaVu Sans Mono",monospace!important;font-size:13px!important;line-height:1.2;margin:0}</style></head><body>'
  echo "<div style=\"color:#8ae234;margin-bottom:4px\">\$ mesh router transfer $id</div>"
  cat "$out/cli-transfer.html"
  echo '</body></html>'
} > "$out/page.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$PWD/docs/cli-transfer.png" \
  --window-size=1000,500 "file://$out/page.html" 2> "$out/chromium.log"
rm -rf "$out"
