# Sourced by the CLI benchmarks: builds this tree's CLI in Release and, when a baseline commit is
# given, that commit's CLI from a git worktree in /tmp (reused if present). Sets two arrays:
# names ("this tree", "baseline <commit>") and clis (the ubiops-requests.dll of each).
#   source build/bench/clis.sh <bench-name> [baseline-commit]
bench_clis() {
  local bench=$1 baseline=${2:-} worktree
  dotnet build src/UbiOps.Cli -c Release --nologo -v q >/dev/null
  names=("this tree"); clis=("$PWD/src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll")
  if [ -n "$baseline" ]; then
    worktree=/tmp/ubiops-$bench-baseline-$baseline
    [ -d "$worktree" ] || git worktree add --detach "$worktree" "$baseline" >/dev/null
    dotnet build "$worktree/src/UbiOps.Cli" -c Release --nologo -v q >/dev/null
    names+=("baseline $baseline"); clis+=("$worktree/src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll")
  fi
}
