#!/usr/bin/env bash
# Adds up the per-assembly summaries of `dotnet test` into one "N passed, N failed" line.
set -euo pipefail
log=${1:?usage: summarize-tests.sh <dotnet-test-output>}
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    seen = 1
  }
  END {
    if (!seen) { print "0 passed, 1 failed"; exit }
    printf "%d passed, %d failed", p, f
    if (s > 0) printf ", %d skipped", s
    printf "\n"
  }' "$log"
