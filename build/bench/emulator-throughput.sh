#!/usr/bin/env bash
# Echo throughput of the standalone emulator, a baseline build and the current one side by side in
# one invocation, with the same inputs: N echo inputs through
#   load  batch creates of 250 (4 in flight) and collect loops (build/bench/UbiOps.EmulatorBench);
#   cli   `ubiops-requests run` (this tree's CLI) on an N-line file.
# Each measurement gets a fresh emulator (temporary database) warmed up with 2,000 requests. The
# figure is the emulator's own window, read back through the API: the first request's time_created
# to the last one's time_completed. The baseline is built from a commit (default: the one before the
# throughput changes) exported to /tmp/emu-baseline with `git archive` (nothing of it is committed).
#   build/bench/emulator-throughput.sh [baseline-commit] [sizes...]     (defaults: 5dc5744 20000 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
baseline=${1:-5dc5744}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 100000)
port=${BENCH_PORT:-5098}
base_tree=${BENCH_BASELINE_TREE:-/tmp/emu-baseline}
work=$(mktemp -d)
emulator_pid=
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"' EXIT

build() { dotnet build "$@" -c Release -v q --nologo -clp:ErrorsOnly >/dev/null; }

if [ "$(cat "$base_tree/.baseline-commit" 2>/dev/null)" != "$(git rev-parse "$baseline")" ]; then
  rm -rf "$base_tree"
  mkdir -p "$base_tree"
  git archive "$baseline" | tar -x -C "$base_tree"
  git rev-parse "$baseline" >"$base_tree/.baseline-commit"
fi
build "$base_tree/src/UbiOps.Emulator.Tool" -p:SkipNSwag=true
build src/UbiOps.Emulator.Tool
build src/UbiOps.Cli
build build/bench/UbiOps.EmulatorBench

declare -A emulators=(
  [baseline]="$base_tree/src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll"
  [current]="src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll"
)
bench="dotnet build/bench/UbiOps.EmulatorBench/bin/Release/net10.0/UbiOps.EmulatorBench.dll"
cli="dotnet src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll"
base_url="http://127.0.0.1:$port/v2.1"

start_emulator() {
  dotnet "${emulators[$1]}" --port "$port" --workers 4 >"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 150); do grep -q "listening" "$work/emulator.log" && break; sleep 0.2; done
  $bench load "$base_url" 2000 4 >/dev/null # warm-up: JIT and connections, the same for both
}

stop_emulator() {
  kill "$emulator_pid"
  wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=
}

field() { sed -nE "s/.*\b$1=([0-9.]+).*/\1/p" <<<"$2"; }

python3 - "$work" "${sizes[@]}" <<'PY'
import json, sys
work, sizes = sys.argv[1], sys.argv[2:]
for n in sizes:
    with open(f"{work}/in-{n}.jsonl", "w") as f:
        for i in range(int(n)):
            f.write(json.dumps({"index": i, "text": f"input number {i}", "values": [i, i * 2, i * 3]}) + "\n")
PY

declare -A rate wall
for n in "${sizes[@]}"; do
  for build in baseline current; do
    start_emulator "$build"
    line=$($bench load "$base_url" "$n" 4)
    rate[load,$n,$build]=$(field window_per_second "$line")
    wall[load,$n,$build]=$(field client_seconds "$line")
    stop_emulator

    start_emulator "$build"
    started=$(date +%s.%N)
    $cli run --host "$base_url" --token emulator-token --project demo --deployment echo \
      --input "$work/in-$n.jsonl" --output "$work/out-$n-$build.jsonl" --quiet 2>"$work/cli.log"
    wall[cli,$n,$build]=$(echo "$(date +%s.%N) - $started" | bc -l)
    line=$($bench window "$base_url" "$work/out-$n-$build.jsonl")
    [ "$(field completed "$line")" = "$n" ] || { echo "cli run of $n on $build: $line" >&2; exit 1; }
    rate[cli,$n,$build]=$(field window_per_second "$line")
    stop_emulator
  done
done

printf '\n| how | inputs | baseline: window/s (wall s) | current: window/s (wall s) | ratio |\n|---|---:|---:|---:|---:|\n'
for how in load cli; do
  for n in "${sizes[@]}"; do
    b=${rate[$how,$n,baseline]} c=${rate[$how,$n,current]}
    printf '| %s | %s | %s (%.1f) | %s (%.1f) | %.1fx |\n' "$how" "$n" "$b" "${wall[$how,$n,baseline]}" "$c" "${wall[$how,$n,current]}" "$(echo "$c / $b" | bc -l)"
  done
done
