#!/usr/bin/env bash
# Exactly once under chaos, on both API generations (see build/bench/README.md):
#   build/bench/chaos.sh [inputs=10000] [kills=20] [deployment=echo|slow] [apis=2024-07,2025-12] [baseline-commit]
# Builds the CLI and the chaos benchmark in Release, then runs RunAsync and the killed-and-resumed CLI
# against one in-process emulator per API generation injecting every fault kind. With a baseline
# commit, that commit's CLI (built from a git worktree in /tmp) runs the same inputs side by side.
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs=${1:-10000}; kills=${2:-20}; deployment=${3:-echo}; apis=${4:-2024-07,2025-12}; baseline=${5:-}
dotnet build src/UbiOps.Cli -c Release --nologo -v q
dotnet build build/bench/UbiOps.ChaosBench -c Release --nologo -v q
baseline_dll=()
if [ -n "$baseline" ]; then
  worktree=/tmp/ubiops-chaos-baseline-$baseline
  [ -d "$worktree" ] || git worktree add --detach "$worktree" "$baseline" >/dev/null
  dotnet build "$worktree/src/UbiOps.Cli" -c Release --nologo -v q
  baseline_dll=("$worktree/src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll")
fi
dotnet build/bench/UbiOps.ChaosBench/bin/Release/net10.0/UbiOps.ChaosBench.dll "$PWD" "$inputs" "$kills" "$deployment" "$apis" "${baseline_dll[@]}"
