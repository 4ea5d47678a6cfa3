#!/usr/bin/env bash
# Fails when the last build changed generated/: the committed code must be what the spec produces.
set -euo pipefail
cd "$(dirname "$0")/.."
changes=$(git status --porcelain -- generated/)
if [ -n "$changes" ]; then
  echo "generated/ differs from what the spec produces. Build, then commit the regenerated code:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- generated/ >&2
  exit 1
fi
echo "generated/ is up to date with openapi/."
