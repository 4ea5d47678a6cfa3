#!/usr/bin/env bash
# Peak memory (RSS) and wall time of `ubiops-requests run` on a small and a large input file, run
# side by side against one standalone emulator. The small run is the baseline: memory that stays
# flat shows as a ratio near 1.0 although the large file has 10x the lines.
#   build/bench/cli-memory.sh [small-lines] [large-lines]     (defaults: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
small=${1:-100000}
large=${2:-1000000}
work=$(mktemp -d)
port=${BENCH_PORT:-5097}
emulator_pid=
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/UbiOps.Cli -c Release -v q --nologo >/dev/null
dotnet build src/UbiOps.Emulator.Tool -c Release -v q --nologo >/dev/null
cli="dotnet src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll"
emulator="dotnet src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll"

$emulator --port "$port" --workers 4 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/emulator.log" && break; sleep 0.2; done

python3 - "$work" "$small" "$large" <<'PY'
import json, sys
work, sizes = sys.argv[1], sys.argv[2:]
for n in sizes:
    with open(f"{work}/in-{n}.jsonl", "w") as f:
        for i in range(int(n)):
            f.write(json.dumps({"index": i, "text": f"input number {i}", "values": [i, i * 2, i * 3]}) + "\n")
PY

printf '%-10s %12s %10s %12s\n' lines peak_rss_mb seconds lines_per_s
declare -A rss secs
for n in "$small" "$large"; do
  /usr/bin/time -f "%M %e" -o "$work/time-$n" \
    $cli run --host "http://127.0.0.1:$port" --token emulator-token --project demo \
      --deployment echo --input "$work/in-$n.jsonl" --output "$work/out-$n.jsonl" --quiet 2>"$work/cli-$n.log"
  read -r kb s <"$work/time-$n"
  lines=$(wc -l <"$work/out-$n.jsonl")
  [ "$lines" -eq "$n" ] || { echo "expected $n result lines, got $lines" >&2; exit 1; }
  rss[$n]=$kb; secs[$n]=$s
  printf '%-10s %12.1f %10.1f %12.0f\n' "$n" "$(echo "$kb/1024" | bc -l)" "$s" "$(echo "$n/$s" | bc -l)"
done
printf 'peak RSS ratio (%s / %s lines): %.2f\n' "$large" "$small" "$(echo "${rss[$large]}/${rss[$small]}" | bc -l)"
