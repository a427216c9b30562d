#!/usr/bin/env bash
# Issue 17's read floor against a whole scan: N synthetic registrations (default 10 million) in a
# GeoPackage (the file of bench/scan_end_to_end.sh), read by bench/read_floor.cpp (every field as
# its OGR type and every geometry, single-threaded through GDAL: the least any GDAL reader pays),
# then scanned by `gebiedscan scan` against the 342 municipalities with --year 2024 (periods given:
# one pass) and without (periods detected from the data), interleaved, medians of RUNS. Prints
# rows of bench/run_all.sh's table; the ratios are the floor's CPU time over the scan's (1 = at the
# floor: issue 17's "within 1.2x of the single-threaded floor") and its wall time over the scan's
# (above 1 = faster than the floor: "below it with both cores").
#   bench/read_floor.sh [RUNS=3] [BUILD_DIR=build/release] [N=10000000]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/release}
n=${3:-10000000}
bin=$build/bin/gebiedscan
work=$build/bench-scan
mkdir -p "$work"
input=$work/registraties_$n.gpkg
if [[ ! -f $input ]]; then
  "$bin" synth --areas data/open/nl-gemeenten-2023.geojson --count "$n" \
    --seed 1 --from-year 2021 --to-year 2024 --out "$input" >/dev/null
fi
floor=$work/read_floor
if [[ ! -x $floor || bench/read_floor.cpp -nt $floor ]]; then
  # shellcheck disable=SC2046 # gdal-config prints several flags
  g++ -O2 -std=c++20 bench/read_floor.cpp $(gdal-config --cflags) $(gdal-config --libs) -o "$floor"
fi

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
timed() { # output file, command...: appends "wall cpu kib"
  local file=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t.txt" >>"$file"
}
scan_given=(scan -q --incidents "$input" --areas data/open/nl-gemeenten-2023.geojson --year 2024 --out "$work/out")
scan_detected=(scan -q --incidents "$input" --areas data/open/nl-gemeenten-2023.geojson --out "$work/out")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$work/floor.txt" && : >"$work/given.txt" && : >"$work/detected.txt"
for run in $(seq 1 "$runs"); do
  timed "$work/floor.txt" "$floor" "$input"
  rm -rf "$work/out" && timed "$work/given.txt" "$bin" "${scan_given[@]}"
  rm -rf "$work/out" && timed "$work/detected.txt" "$bin" "${scan_detected[@]}"
  echo "read_floor: run $run: floor $(tail -1 "$work/floor.txt"), --year $(tail -1 "$work/given.txt"), detected $(tail -1 "$work/detected.txt") (wall s, CPU s, KiB)" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
col() { awk -v c="$2" '{ print $c }' "$1" | median; }
floor_wall=$(col "$work/floor.txt" 1)
floor_cpu=$(col "$work/floor.txt" 2)
row() { # label, file
  awk -v l="$1" -v n="$n" -v w="$(col "$2" 1)" -v c="$(col "$2" 2)" -v k="$(awk '{ print $3 }' "$2" | sort -n | tail -1)" \
    -v fw="$floor_wall" -v fc="$floor_cpu" -v runs="$runs" -v lb="$load_before" -v la="$load_after" 'BEGIN {
    printf "| %.2fx (CPU), %.2fx (wall) | %s, %d registrations from a GeoPackage into the 342 gemeenten | %.2f s CPU (%.2f s wall), peak %.0f MiB | GDAL read floor (one thread, every field and geometry) %.2f s CPU (%.2f s wall) | median of %d, load %s -> %s |\n",
      fc / c, fw / w, l, n, c, w, k / 1024, fc, fw, runs, lb, la }'
}
row "whole \`scan --year 2024\`" "$work/given.txt"
row "whole \`scan\`, periods detected" "$work/detected.txt"
