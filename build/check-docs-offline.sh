#!/usr/bin/env bash
# Opens the built HTML reference in headless Chromium with the network off (every host name resolves
# to nothing; a new empty profile) and fails unless every operation of the spec was rendered.
# Usage: build/check-docs-offline.sh [page.html] [spec.yaml]
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-artifacts/docs/index.html}
spec=${2:-openapi/ubiops-deployment-requests.yaml}

test -s "$page" || { echo "check-docs-offline: $page is missing or empty; run npm run --prefix build docs" >&2; exit 1; }
browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then browser=$(command -v "$name"); break; fi
done
test -n "$browser" || { echo "check-docs-offline: no Chromium found (apt-get install -y chromium)" >&2; exit 1; }

mapfile -t ids < <(sed -n 's/^[[:space:]]*operationId:[[:space:]]*\([A-Za-z0-9_]*\).*/\1/p' "$spec")
test ${#ids[@]} -gt 0 || { echo "check-docs-offline: no operationId found in $spec" >&2; exit 1; }

profile=$(mktemp -d)
dom=$(mktemp)
trap 'rm -rf "$profile" "$dom"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --host-resolver-rules="MAP * ~NOTFOUND" \
  --user-data-dir="$profile" --virtual-time-budget=15000 --dump-dom "file://$(realpath "$page")" >"$dom" 2>/dev/null

# The page embeds the spec, so the ids are in the DOM even if nothing rendered: look for the
# renderer's section anchors (id="operation/<operationId>"), which exist only once it ran.
missing=()
for id in "${ids[@]}"; do
  grep -q "id=\"operation/$id\"" "$dom" || missing+=("$id")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "check-docs-offline: $page rendered offline without ${#missing[@]} of ${#ids[@]} operations: ${missing[*]}" >&2
  exit 1
fi
echo "check-docs-offline: $page rendered all ${#ids[@]} operations with no network"
