#!/usr/bin/env bash
# The run engine against the scripts users write instead (see build/bench/README.md):
#   build/bench/run-engine.sh [inputs-under-limit=50000] [per-request-inputs=1000] [unlimited-inputs=10000] [slow-inputs=2000]
# Builds the emulator tool, the CLI and the benchmark in Release, then runs every side in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/UbiOps.Emulator.Tool -c Release --nologo -v q
dotnet build src/UbiOps.Cli -c Release --nologo -v q
dotnet build build/bench/UbiOps.Benchmarks -c Release --nologo -v q
dotnet build/bench/UbiOps.Benchmarks/bin/Release/net10.0/UbiOps.Benchmarks.dll "$PWD" "$@"
