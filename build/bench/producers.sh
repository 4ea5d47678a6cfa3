#!/usr/bin/env bash
# Scale-out over source addresses and three producers with common values (see build/bench/README.md):
#   build/bench/producers.sh [scale-out inputs=200000 (0 skips it)] [inputs per producer=3000]
# Builds the CLI and the emulator tool in Release, then runs build/bench/producers.py. Not part of
# CI: the scale-out part waits on the 300/min rate limit (about 10 minutes at 200,000 inputs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/UbiOps.Cli -c Release --nologo -v q >/dev/null
dotnet build src/UbiOps.Emulator.Tool -c Release --nologo -v q >/dev/null
exec python3 build/bench/producers.py "$@"
