#!/usr/bin/env bash
# A server that accepts connections and never answers (see build/bench/README.md):
#   build/bench/hung.sh [call-timeouts=5,30 ("default" for none)] [baseline-commit]
# A Python listener on 127.0.0.1 accepts every connection and reads, never answering.
# `ubiops-requests run` of 300 inputs is started against it once per --call-timeout, per CLI (this tree, and a baseline commit's built from a git worktree in /tmp);
# prints each exit code, wall time and the error line. Target: exit 5 within 2 x --call-timeout + 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
timeouts=${1:-5,30}; baseline=${2:-}
source build/bench/clis.sh
bench_clis hung "$baseline"
work=$(mktemp -d /tmp/ubiops-hung.XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$port" <<'PY' &
import socket, sys, threading
server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", int(sys.argv[1]))); server.listen(512)
held = []
def drain(c):
    try:
        while c.recv(65536): pass
    except OSError: pass
while True:
    c, _ = server.accept(); held.append(c); threading.Thread(target=drain, args=(c,), daemon=True).start()
PY
listener=$!
trap 'kill $listener 2>/dev/null || true' EXIT
sleep 1
python3 -c "import json
with open('$work/in.jsonl','w') as f: [f.write(json.dumps({'n':i})+'\n') for i in range(300)]"
echo "| CLI | --call-timeout | exit | wall | error line |"
echo "|---|---:|---:|---:|---|"
for c in "${!clis[@]}"; do
  for t in ${timeouts//,/ }; do
    args=(); [ "$t" = default ] || args=(--call-timeout "$t")
    rm -f "$work/out.jsonl" "$work/out.jsonl.state"
    start=$(date +%s.%N)
    set +e
    timeout 600 dotnet "${clis[$c]}" run -d echo -i "$work/in.jsonl" -o "$work/out.jsonl" --quiet "${args[@]}" \
      --host "http://127.0.0.1:$port/v2.1" --token t --project demo 2>"$work/err"
    code=$?
    set -e
    seconds=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
    echo "| ${names[$c]} | $t | $code | $seconds s | $(head -c 160 "$work/err" | tr '\n|' ' /') |"
  done
done
