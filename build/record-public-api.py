#!/usr/bin/env python3
"""Records a project's public API changes in its PublicAPI.Unshipped.txt.

The build fails while a public symbol is missing from PublicAPI.*.txt (RS0016) or listed there but
gone (RS0017). After a deliberate change, run this with the project file: it builds the project,
adds every symbol RS0016 names and drops every line RS0017 names, then sorts the file. Review the
diff: it is the change to the public surface.

    build/record-public-api.py src/UbiOps.Client/UbiOps.Client.csproj
"""
import os
import re
import subprocess
import sys

MISSING = re.compile(r"error RS0016: Symbol '(?P<symbol>.+?)' is not part of the declared public API")
GONE = re.compile(r"error RS0017: Symbol '(?P<symbol>.+?)' is part of the declared API, but is either not public or could not be found")


def main(project):
    unshipped = os.path.join(os.path.dirname(project), "PublicAPI.Unshipped.txt")
    # --no-incremental: a build that is up to date would report nothing.
    build = subprocess.run(["dotnet", "build", project, "--no-incremental", "-p:SkipNSwag=true"],
                           capture_output=True, text=True)
    missing = set(m.group("symbol") for m in MISSING.finditer(build.stdout))
    gone = set(m.group("symbol") for m in GONE.finditer(build.stdout))
    with open(unshipped, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    header = [line for line in lines if line.startswith("#")]
    body = set(line for line in lines if not line.startswith("#"))
    body = (body - gone) | missing
    with open(unshipped, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + sorted(body, key=lambda s: s.lstrip("~").lower())) + "\n")
    print(f"{unshipped}: {len(missing)} added, {len(gone)} removed")
    other = [line for line in build.stdout.splitlines() if " error " in line and "RS0016" not in line and "RS0017" not in line]
    if other:
        print("The build has other errors:", *sorted(set(other))[:20], sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
