#!/usr/bin/env bash
# A run rides out transient faults in one invocation (see build/bench/README.md):
#   build/bench/transient.sh [runs=10] [inputs=5000] [baseline-commit]
# One emulator (ubiops-emulator, Release) answers 20% of calls 429, 5% 500, 5% 503 and drops 2%,
# all before anything is stored. `ubiops-requests run` of fresh inputs is started `runs` times in a
# row, once per CLI (this tree, and a baseline commit's built from a git worktree in /tmp); each
# run's exit code, its output and the emulator's database tell: finished in one invocation, inputs
# without a completed result (lost), inputs stored more than once (twice).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}; inputs=${2:-5000}; baseline=${3:-}
faults="429=0.2,500=0.05,503=0.05,drop=0.02"
dotnet build src/UbiOps.Emulator.Tool -c Release --nologo -v q >/dev/null
source build/bench/clis.sh
bench_clis transient "$baseline"

work=$(mktemp -d /tmp/ubiops-transient.XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll --port "$port" --db "$work/emulator.db" --faults "$faults" >"$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null || true' EXIT
for _ in $(seq 100); do python3 -c "import socket; socket.create_connection((\"127.0.0.1\", $port), 1)" 2>/dev/null && break; sleep 0.2; done

echo "faults: $faults; $runs runs of $inputs inputs per CLI, each a fresh output"
for c in "${!clis[@]}"; do
  one=0; elapsed=0
  for r in $(seq "$runs"); do
    tag="c$c-r$r"
    python3 -c "import json,sys
with open('$work/$tag.jsonl','w') as f:
    [f.write(json.dumps({'tag':'$tag','n':i})+'\n') for i in range($inputs)]"
    start=$(date +%s.%N)
    set +e
    dotnet "${clis[$c]}" run -d echo -i "$work/$tag.jsonl" -o "$work/$tag.out" --quiet \
      --host "http://127.0.0.1:$port/v2.1" --token emulator-token --project demo 2>"$work/$tag.err"
    code=$?
    set -e
    seconds=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
    [ "$code" = 0 ] && one=$((one + 1))
    python3 - "$work" "$tag" "$inputs" "$code" "$seconds" <<'PY'
import json, sqlite3, sys, collections
work, tag, inputs, code, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
done = set()
try:
    for line in open(f"{work}/{tag}.out"):
        l = json.loads(line)
        if l.get("status") == "completed" and l["result"]["n"] == l["index"]:
            done.add(l["index"])
except FileNotFoundError:
    pass
db = sqlite3.connect(f"file:{work}/emulator.db?mode=ro", uri=True)
stored = collections.Counter(json.loads(d)["n"] for (d,) in db.execute(
    "SELECT request_data FROM requests WHERE request_data LIKE ?", (f'%"{tag}"%',)))
twice = sum(1 for n in range(inputs) if stored[n] > 1)
lost = inputs - len(done)
err = open(f"{work}/{tag}.err").read().strip().splitlines()
print(f"  {tag}: exit {code} in {seconds}s; stored {sum(stored.values())}, lost {lost}, twice {twice}; {err[-1][:150] if err else ''}")
PY
  done
  echo "${names[$c]}: $one of $runs runs finished in one invocation"
done
