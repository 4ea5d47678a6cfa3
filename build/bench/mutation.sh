#!/usr/bin/env bash
# Mutation score of the look-up of lost answers (see build/bench/README.md): Stryker.NET mutates
# src/UbiOps.Client/Reconciling/, Status/, Operations/ (the table of operations and generations) and
# Filtering/ListPages.cs, and runs the client's tests against each mutant.
#   build/bench/mutation.sh
# Not part of CI (about 70 minutes on 2 cores). dotnet-stryker 5.1.0 is installed into
# /tmp/stryker-tool; the report lands in artifacts/mutation/.
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=/tmp/stryker-tool
[ -x "$tool/dotnet-stryker" ] || dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tool"
mkdir -p artifacts/mutation
cd src/UbiOps.Client
"$tool/dotnet-stryker" --config-file ../../build/bench/mutation/stryker-config.json --output ../../artifacts/mutation "$@"
