#!/usr/bin/env bash
# Proves the packages in artifacts/packages (run build/check-package.sh first) work for another team,
# from outside the solution and with a package cache of its own (artifacts/consumer-packages):
#  1. build/consumer, an application whose Program.cs is the C# block of the UbiOps.Client package
#     README (so the README's example compiles against the package as shipped); PositionalTokens.cs
#     calls every async member with a positional CancellationToken;
#  2. build/consumer/UbiOps.Consumer.Tests, an NUnit project whose tests are the C# blocks of the
#     UbiOps.Emulator package README: they start the emulator in-process and run requests through
#     the client (direct, batch + wait, list; the xUnit fixture too); PositionalTokens.cs there calls
#     the emulator's async members with a positional CancellationToken;
#  3. the UbiOps.Emulator.Tool package installed from the local feed into artifacts/consumer-tools:
#     `ubiops-emulator` starts on a free port, answers a direct request, and is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

consumer=build/consumer
tests=$consumer/UbiOps.Consumer.Tests
version=$(find artifacts/packages -maxdepth 1 -name 'UbiOps.Client.[0-9]*.nupkg' | head -n 1 | sed -E 's#.*/UbiOps\.Client\.(.*)\.nupkg#\1#')
if [ -z "$version" ]; then
  echo "check-consumer: no UbiOps.Client package in artifacts/packages; run build/check-package.sh first" >&2
  exit 1
fi

# Writes the n-th csharp block of a markdown file to a file; fails when there is none.
csharp_block() {
  local markdown=$1 n=$2 target=$3
  mkdir -p "$(dirname "$target")"
  awk -v n="$n" '/^```csharp$/ { count++; if (count == n) { inside = 1; next } } /^```$/ && inside { exit } inside { print }' "$markdown" > "$target"
  if [ ! -s "$target" ]; then
    echo "check-consumer: $markdown has no csharp block number $n" >&2
    exit 1
  fi
}

rm -rf artifacts/consumer-packages artifacts/consumer-tools

# 1. The client package README's example.
csharp_block src/UbiOps.Client/PACKAGE.md 1 "$consumer/obj/ReadmeExample.cs"
dotnet build "$consumer/UbiOps.Consumer.csproj" -p:UbiOpsVersion="$version" --nologo
echo "check-consumer: the package README's example and every async call with a positional token compile against UbiOps.Client $version"

# 2. The emulator package README's NUnit and xUnit examples, run as tests.
csharp_block src/UbiOps.Emulator/PACKAGE.md 1 "$tests/obj/NUnitExample.cs"
csharp_block src/UbiOps.Emulator/PACKAGE.md 2 "$tests/obj/XunitExample.cs"
dotnet test "$tests/UbiOps.Consumer.Tests.csproj" -p:UbiOpsVersion="$version" --nologo
echo "check-consumer: the UbiOps.Emulator package README's tests pass against UbiOps.Emulator and UbiOps.Client $version"

# 3. The tool, installed from the local feed (no global state: a tool path under artifacts).
dotnet tool install UbiOps.Emulator.Tool --version "$version" --tool-path artifacts/consumer-tools \
  --configfile "$consumer/NuGet.config" >/dev/null
log=$(mktemp)
artifacts/consumer-tools/ubiops-emulator --port 0 >"$log" 2>&1 &
tool_pid=$!
trap 'kill "$tool_pid" 2>/dev/null || true; rm -f "$log"' EXIT
base_url=
for _ in $(seq 1 150); do
  base_url=$(sed -nE 's#^UbiOps emulator listening on (http://[^ ]+)$#\1#p' "$log")
  [ -n "$base_url" ] && break
  kill -0 "$tool_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$base_url" ]; then
  echo "check-consumer: ubiops-emulator did not start:" >&2
  cat "$log" >&2
  exit 1
fi

python3 - "$base_url" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
request = urllib.request.Request(
    f"{base}/projects/demo/deployments/echo/requests", data=json.dumps({"tool": "check"}).encode(), method="POST",
    headers={"Authorization": "Token emulator-token", "Content-Type": "application/json"})
with urllib.request.urlopen(request, timeout=30) as response:
    answer = json.load(response)
if answer.get("status") != "completed" or answer.get("result") != {"tool": "check"}:
    sys.exit(f"check-consumer: ubiops-emulator answered {answer}")
PY
kill "$tool_pid"
wait "$tool_pid" 2>/dev/null || true
echo "check-consumer: the ubiops-emulator tool $version installed from the local feed, started at $base_url and answered a direct request"
