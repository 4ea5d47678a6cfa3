#!/usr/bin/env bash
# Runs the official UbiOps Python client (two releases) against the emulator; see README.md here.
#
#   build/official-client/check.sh [mirror-git-dir]
#
# mirror-git-dir: a git directory of https://github.com/UbiOps/client-library-python with the release
# tags (default: $UBIOPS_CLIENT_MIRROR, else /work/.mirror/UbiOps+client-library-python/repo).
# Environment:
#   RELEASES="4.12.0 4.5.1"  the client releases to check
#   EMULATOR_API_FLAG        when set (even to ''), the emulator flags used for every release instead of
#                            the per-release --api (4.12.0: none, i.e. 2025-12; 4.5.1: --api 2024-07)
#   EMULATOR_DLL             a built ubiops-emulator.dll to run (default: build src/UbiOps.Emulator.Tool)
#   DRIVER_ARGS              more arguments for driver.py, e.g. --trace or --verbose
#   KEEP_WORK=1              keep the temporary directory (extracted client, logs, databases)
# Exit status: 0 when every operation of every release passed, 1 when one failed, 2 on a setup error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
mirror=${1:-${UBIOPS_CLIENT_MIRROR:-/work/.mirror/UbiOps+client-library-python/repo}}
releases=${RELEASES:-4.12.0 4.5.1}
token=check-token
project=demo
workers=2

die() { echo "check.sh: $*" >&2; exit 2; }

api_flag() {
    if [[ -n ${EMULATOR_API_FLAG+set} ]]; then
        echo "$EMULATOR_API_FLAG"
        return
    fi
    case $1 in
        4.5.*) echo "--api 2024-07" ;;
        *) echo "" ;; # today's API (2025-12) is the emulator's default
    esac
}

command -v git >/dev/null || die "git is needed"
command -v python3 >/dev/null || die "python3 is needed"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is needed"
git --git-dir="$mirror" rev-parse --git-dir >/dev/null 2>&1 || die "no git directory of the client at $mirror"
# What the client imports that is not stubbed here (stubs/ stands in for tqdm, requests_toolbelt, schema).
python3 -c "import requests, urllib3, dateutil, certifi, yaml" 2>/dev/null \
    || die "python3 needs requests, urllib3, python-dateutil, certifi and PyYAML (e.g. apt-get install python3-requests python3-dateutil python3-certifi python3-yaml)"

work=$(mktemp -d "${TMPDIR:-/tmp}/ubiops-official-client.XXXXXX")
emulator_pid=

stop_emulator() {
    if [[ -n $emulator_pid ]]; then
        if kill -0 "$emulator_pid" 2>/dev/null; then
            kill "$emulator_pid" 2>/dev/null || true
            wait "$emulator_pid" 2>/dev/null || true
        fi
        emulator_pid=
    fi
}

cleanup() {
    stop_emulator
    if [[ ${KEEP_WORK:-} == 1 ]]; then
        echo "work directory kept: $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n ${EMULATOR_DLL:-} ]]; then
    dll=$EMULATOR_DLL
else
    echo "building the emulator tool (Release)..."
    dotnet build "$repo/src/UbiOps.Emulator.Tool" -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
        || { tail -n 30 "$work/build.log" >&2; die "the emulator tool did not build"; }
    dll=$(ls "$repo"/src/UbiOps.Emulator.Tool/bin/Release/net*/ubiops-emulator.dll 2>/dev/null | head -n 1)
fi
[[ -f $dll ]] || die "no emulator at '$dll'"

# Starts the emulator on a free port (--port 0) and sets $base_url from its banner.
start_emulator() {
    local log=$1
    shift
    dotnet "$dll" --port 0 --token "$token" --project "$project" --workers "$workers" "$@" >"$log" 2>&1 &
    emulator_pid=$!
    base_url=
    for _ in $(seq 1 300); do
        base_url=$(sed -n 's/^UbiOps emulator listening on \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
        [[ -n $base_url ]] && return 0
        kill -0 "$emulator_pid" 2>/dev/null || break
        sleep 0.2
    done
    echo "the emulator did not start; its output:" >&2
    sed 's/^/  | /' "$log" >&2
    stop_emulator
    return 1
}

summary=()
failed=0
for release in $releases; do
    echo
    echo "=== ubiops $release"
    if ! git --git-dir="$mirror" rev-parse -q --verify "refs/tags/$release^{commit}" >/dev/null; then
        summary+=("$release: FAILED (no tag $release in $mirror)")
        failed=1
        continue
    fi
    client="$work/client-$release"
    mkdir -p "$client"
    git --git-dir="$mirror" archive "$release" ubiops | tar -x -C "$client"

    flag=$(api_flag "$release")
    # shellcheck disable=SC2086 # the flag is one option and its value, or nothing
    if ! start_emulator "$work/emulator-$release.log" --db "$work/emulator-$release.db" $flag; then
        summary+=("$release: FAILED (emulator ${flag:-default API} did not start)")
        failed=1
        continue
    fi
    echo "emulator ${flag:-(default API)} at $base_url"

    rc=0
    # shellcheck disable=SC2086 # DRIVER_ARGS is a list of options
    PYTHONPATH="$client:$here/stubs" PYTHONDONTWRITEBYTECODE=1 python3 "$here/driver.py" \
        --host "$base_url" --token "$token" --project "$project" --release "$release" --workers "$workers" \
        ${DRIVER_ARGS:-} | tee "$work/driver-$release.out" || rc=$?
    stop_emulator

    tally=$(tail -n 1 "$work/driver-$release.out")
    if [[ $rc -eq 0 ]]; then
        summary+=("$release (emulator ${flag:-default API}): ok, $tally")
    else
        summary+=("$release (emulator ${flag:-default API}): FAILED, $tally")
        failed=1
        if grep -qi "exception" "$work/emulator-$release.log"; then
            echo "emulator log ($work/emulator-$release.log) mentions exceptions:"
            grep -i -m 5 "exception" "$work/emulator-$release.log" | sed 's/^/  | /'
        fi
    fi
done

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
