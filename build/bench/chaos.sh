#!/usr/bin/env bash
# Exactly once under chaos (see build/bench/README.md):
#   build/bench/chaos.sh [inputs=10000] [kills=20]
# Builds the CLI and the chaos benchmark in Release, then runs RunAsync and the killed-and-resumed CLI
# against one in-process emulator injecting every fault kind.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/UbiOps.Cli -c Release --nologo -v q
dotnet build build/bench/UbiOps.ChaosBench -c Release --nologo -v q
dotnet build/bench/UbiOps.ChaosBench/bin/Release/net10.0/UbiOps.ChaosBench.dll "$PWD" "$@"
