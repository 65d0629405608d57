#!/usr/bin/env bash
# Runs every Mesh benchmark and probe once and writes the results into tests/Mesh.Benchmarks/results/
# (BenchmarkDotNet's GitHub tables and the probes' markdown). Takes 20–30 minutes on 2 cores.
# Usage: tests/Mesh.Benchmarks/run.sh ["note written into every results file"]
# Needs PostgreSQL server binaries (/usr/lib/postgresql/*/bin; tests/run.sh installs them): the benchmarks start a
# throwaway server themselves and remove it at the end. TransferBenchmarks also need Hardhat and the compiled
# contracts (bash tests/setup-evm.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
note=(); [ $# -gt 0 ] && note=(--note "$1")
out=tests/Mesh.Benchmarks/results
bench=tests/Mesh.Benchmarks/bin/Release/net10.0/Mesh.Benchmarks.dll

dotnet build tests/Mesh.Benchmarks -c Release -nologo -v quiet
MESH_SIMULATION_OUT="$out/simulation-default" dotnet "$bench" --filter '*' --results "$out" "${note[@]}"
dotnet "$bench" --latency "$out/latency.md" "${note[@]}"
dotnet "$bench" --cross-silo-latency "$out/cross-silo-latency.md" "${note[@]}"
dotnet "$bench" --recovery "$out/recovery.md" "${note[@]}"
dotnet "$bench" --recovery "$out/recovery-default-directory.md" --silo-settings "--Mesh:Orleans:GrainDirectory=Default" "${note[@]}"
