#!/usr/bin/env bash
# Builds build/consumer, an application outside the solution that references only the packages in
# artifacts/packages (run build/check-package.sh first). Its Program.cs is the C# block of the
# UbiOps.Client package README, so the README's example must compile against the package as
# shipped; PositionalTokens.cs calls every async member with a positional CancellationToken.
set -euo pipefail
cd "$(dirname "$0")/.."

consumer=build/consumer
version=$(find artifacts/packages -maxdepth 1 -name 'UbiOps.Client.*.nupkg' ! -name '*.snupkg' | head -n 1 | sed -E 's#.*/UbiOps\.Client\.(.*)\.nupkg#\1#')
if [ -z "$version" ]; then
  echo "check-consumer: no UbiOps.Client package in artifacts/packages; run build/check-package.sh first" >&2
  exit 1
fi

# The package README's first csharp block becomes the program.
mkdir -p "$consumer/obj"
awk '/^```csharp$/ { inside = 1; next } /^```$/ && inside { exit } inside { print }' src/UbiOps.Client/PACKAGE.md \
  > "$consumer/obj/ReadmeExample.cs"
if [ ! -s "$consumer/obj/ReadmeExample.cs" ]; then
  echo "check-consumer: src/UbiOps.Client/PACKAGE.md has no csharp block" >&2
  exit 1
fi

rm -rf artifacts/consumer-packages
dotnet build "$consumer/UbiOps.Consumer.csproj" -p:UbiOpsVersion="$version" --nologo
echo "check-consumer: the package README's example and every async call with a positional token compile against UbiOps.Client $version"
