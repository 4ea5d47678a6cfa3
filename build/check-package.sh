#!/usr/bin/env bash
# Packs UbiOps.Client and the UbiOps.Cli tool into artifacts/packages and fails unless each package
# holds what a NuGet user needs: its own README for the package page (not the repository's), the
# library's assembly with XML docs (IntelliSense) and a symbol package, the tool's entry point.
# SourceLink needs a GitHub remote; without one it is reported, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/packages
rm -rf "$out"
mkdir -p "$out"
dotnet pack src/UbiOps.Client -c Release -o "$out" --nologo
dotnet pack src/UbiOps.Cli -c Release -o "$out" --nologo

# Each package's README is its own PACKAGE.md, packed as README.md.
for project in UbiOps.Client UbiOps.Cli; do
  nupkg=$(find "$out" -maxdepth 1 -name "$project.*.nupkg" ! -name '*.snupkg' | head -n 1)
  if [ -z "$nupkg" ] || ! cmp -s <(unzip -p "$nupkg" README.md) "src/$project/PACKAGE.md"; then
    echo "check-package: ${nupkg:-no $project package} lacks README.md equal to src/$project/PACKAGE.md" >&2
    exit 1
  fi
done
tool=$(find "$out" -maxdepth 1 -name 'UbiOps.Cli.*.nupkg' | head -n 1)
if ! grep -qE '[[:space:]]tools/net10\.0/any/ubiops-requests\.dll$' <<<"$(unzip -l "$tool")"; then
  echo "check-package: $(basename "$tool") lacks tools/net10.0/any/ubiops-requests.dll" >&2
  exit 1
fi

package=$(find "$out" -maxdepth 1 -name 'UbiOps.Client.*.nupkg' ! -name '*.snupkg' | head -n 1)
symbols=$(find "$out" -maxdepth 1 -name 'UbiOps.Client.*.snupkg' | head -n 1)
if [ -z "$package" ]; then
  echo "check-package: no UbiOps.Client .nupkg in $out" >&2
  exit 1
fi

listing=$(unzip -l "$package")
missing=0
for entry in README.md lib/net10.0/UbiOps.Client.dll lib/net10.0/UbiOps.Client.xml; do
  if ! grep -qE "[[:space:]]${entry//./\\.}\$" <<<"$listing"; then
    echo "check-package: $(basename "$package") lacks $entry" >&2
    missing=1
  fi
done

# The listing is read whole before grep: with pipefail, `unzip | grep -q` fails at random when grep
# exits at the first match and unzip dies of SIGPIPE.
symbol_listing=$([ -n "$symbols" ] && unzip -l "$symbols" || true)
if ! grep -qE '[[:space:]]lib/net10\.0/UbiOps\.Client\.pdb$' <<<"$symbol_listing"; then
  echo "check-package: no symbol package with lib/net10.0/UbiOps.Client.pdb" >&2
  missing=1
fi

if [ "$missing" -ne 0 ]; then
  echo "$listing" >&2
  exit 1
fi

# SourceLink: the nuspec names the repository and commit, the PDB maps sources to URLs.
nuspec=$(unzip -p "$package" UbiOps.Client.nuspec)
if grep -q '<repository [^>]*commit=' <<<"$nuspec" && unzip -p "$symbols" lib/net10.0/UbiOps.Client.pdb | grep -aq '"documents"'; then
  echo "check-package: SourceLink present ($(grep -o '<repository [^>]*>' <<<"$nuspec"))"
else
  echo "check-package: warning: no SourceLink information (the repository has no GitHub remote)"
fi

echo "check-package: $(basename "$package") has README.md, lib/net10.0/UbiOps.Client.dll and .xml; symbols in $(basename "$symbols"); $(basename "$tool") has its README and entry point"
