#!/usr/bin/env bash
# Time from start to a rendered map sheet of a scan folder (default: the Drenthe demo of
# scripts/quickstart.sh), the viewer's own phase times (--timing) over N runs, median per phase.
# Issue 15 asks for under 1 s to a rendered sheet (window + open + render) on this machine.
#   bench/viewer/open_demo_bench.sh [FOLDER] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=${1:-build/release/demo/gebiedscan-drenthe}
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 0; i < runs; i++)); do
  build/release/bin/gebiedscan-viewer "$folder" --screenshot "$out/sheet.png" --size 1600x1000 --timing 2>&1 >/dev/null |
    sed -n 's/^timing: //p'
done | python3 -c '
import re, statistics, sys
runs = [dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+) ms", line)) for line in sys.stdin]
for phase in runs[0]:
    print(f"{phase:>7}: {statistics.median(r[phase] for r in runs):5.0f} ms (median of {len(runs)})")
sheet = statistics.median(r["window"] + r["open"] + r["render"] for r in runs)
print(f"  sheet: {sheet:5.0f} ms (window + open + render)")'
