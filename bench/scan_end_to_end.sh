#!/usr/bin/env bash
# End-to-end scan benchmark: N synthetic registrations (default 10 million) in a GeoPackage,
# scanned against the 342 Dutch municipalities; prints wall seconds and peak memory as JSON.
#   bench/scan_end_to_end.sh [N] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
build=${2:-build/release}
work=$build/bench-scan
mkdir -p "$work"
input=$work/registraties_$n.gpkg
if [[ ! -f $input ]]; then
  "$build/bin/gebiedscan" synth --areas data/open/nl-gemeenten-2023.geojson --count "$n" \
    --seed 1 --from-year 2021 --to-year 2024 --out "$input" >/dev/null
fi
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$build/bin/gebiedscan" scan -q --incidents "$input" \
  --areas data/open/nl-gemeenten-2023.geojson --year 2024 --out "$work/out" >/dev/null
read -r seconds kib < "$work/time.txt"
assigned=$(grep -m1 '"assigned"' "$work/out/summary.json" | tr -dc '0-9')
awk -v n="$n" -v s="$seconds" -v k="$kib" -v a="$assigned" 'BEGIN {
  printf "{\"benchmark\":\"scan_end_to_end\",\"incidents\":%d,\"areas\":342,\"seconds\":%s,\"peak_rss_mib\":%.1f,\"incidents_per_second\":%.0f,\"assigned\":%d}\n", n, s, k / 1024, n / s, a }'
