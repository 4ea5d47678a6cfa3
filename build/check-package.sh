#!/usr/bin/env bash
# Packs UbiOps.Client into artifacts/packages and fails unless the package holds what a NuGet user
# needs: the README shown on the package page, the assembly and its XML docs (IntelliSense), and a
# symbol package. SourceLink needs a GitHub remote; without one it is reported, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."

out=artifacts/packages
rm -rf "$out"
mkdir -p "$out"
dotnet pack src/UbiOps.Client -c Release -o "$out" --nologo

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

echo "check-package: $(basename "$package") has README.md, lib/net10.0/UbiOps.Client.dll and .xml; symbols in $(basename "$symbols")"
