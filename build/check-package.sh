#!/usr/bin/env bash
# Packs the libraries (UbiOps.Client, UbiOps.Emulator) and the tools (UbiOps.Cli, UbiOps.Emulator.Tool)
# into artifacts/packages and fails unless each package holds what a NuGet user needs: its own
# README for the package page (not the repository's), a library's assembly with XML docs
# (IntelliSense) and a symbol package, a tool's entry point.
# SourceLink needs a GitHub remote; without one it is reported, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/packages
libraries=(UbiOps.Client UbiOps.Emulator)
# project:entry assembly of the tool
tools=(UbiOps.Cli:ubiops-requests UbiOps.Emulator.Tool:ubiops-emulator)

rm -rf "$out"
mkdir -p "$out"
for project in "${libraries[@]}" "${tools[@]%%:*}"; do
  dotnet pack "src/$project" -c Release -o "$out" --nologo
done

failed=0
fail() { echo "check-package: $*" >&2; failed=1; }
package_of() { find "$out" -maxdepth 1 -name "$1.[0-9]*.nupkg" | head -n 1; }
symbols_of() { find "$out" -maxdepth 1 -name "$1.[0-9]*.snupkg" | head -n 1; }
# The listing is read whole before grep: with pipefail, `unzip | grep -q` fails at random when grep
# exits at the first match and unzip dies of SIGPIPE.
has_entry() { grep -qE "[[:space:]]${2//./\\.}\$" <<<"$1"; }

# Each package's README is its own PACKAGE.md, packed as README.md.
for project in "${libraries[@]}" "${tools[@]%%:*}"; do
  nupkg=$(package_of "$project")
  if [ -z "$nupkg" ] || ! cmp -s <(unzip -p "$nupkg" README.md) "src/$project/PACKAGE.md"; then
    fail "${nupkg:-no $project package} lacks README.md equal to src/$project/PACKAGE.md"
  fi
done

for tool in "${tools[@]}"; do
  project=${tool%%:*} entry=${tool##*:}
  nupkg=$(package_of "$project")
  if [ -n "$nupkg" ] && ! has_entry "$(unzip -l "$nupkg")" "tools/net10.0/any/$entry.dll"; then
    fail "$(basename "$nupkg") lacks tools/net10.0/any/$entry.dll"
  fi
done

for project in "${libraries[@]}"; do
  package=$(package_of "$project")
  symbols=$(symbols_of "$project")
  if [ -z "$package" ]; then
    fail "no $project .nupkg in $out"
    continue
  fi

  listing=$(unzip -l "$package")
  for entry in README.md "lib/net10.0/$project.dll" "lib/net10.0/$project.xml"; do
    has_entry "$listing" "$entry" || { fail "$(basename "$package") lacks $entry"; echo "$listing" >&2; }
  done

  symbol_listing=$([ -n "$symbols" ] && unzip -l "$symbols" || true)
  has_entry "$symbol_listing" "lib/net10.0/$project.pdb" || fail "no symbol package with lib/net10.0/$project.pdb for $project"

  # SourceLink: the nuspec names the repository and commit, the PDB maps sources to URLs.
  nuspec=$(unzip -p "$package" "$project.nuspec")
  pdb=$([ -n "$symbols" ] && unzip -p "$symbols" "lib/net10.0/$project.pdb" | tr -d '\0' || true)
  if grep -q '<repository [^>]*commit=' <<<"$nuspec" && grep -q '"documents"' <<<"$pdb"; then
    echo "check-package: $project: SourceLink present ($(grep -o '<repository [^>]*>' <<<"$nuspec"))"
  else
    echo "check-package: $project: warning: no SourceLink information (the repository has no GitHub remote)"
  fi
done

# The emulator library depends on the client package of the same version (the models it serves).
emulator=$(package_of UbiOps.Emulator)
if [ -n "$emulator" ] && ! grep -q '<dependency id="UbiOps.Client"' <<<"$(unzip -p "$emulator" UbiOps.Emulator.nuspec)"; then
  fail "$(basename "$emulator") does not depend on the UbiOps.Client package"
fi

[ "$failed" -eq 0 ] || exit 1
echo "check-package: ${libraries[*]} have README.md, lib/net10.0/<name>.dll and .xml and symbols; ${tools[*]%%:*} have their README and entry point"
