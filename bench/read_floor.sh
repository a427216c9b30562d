#!/usr/bin/env bash
# Issue 17's read floor against a whole scan: N synthetic registrations (default 10 million) in a
# GeoPackage (the file of bench/scan_end_to_end.sh), read by bench/read_floor.cpp (every field as
# its OGR type and every geometry, single-threaded through GDAL: the least any GDAL reader pays),
# then scanned by `gebiedscan scan` against the 342 municipalities with --year 2024 (periods given:
# one pass) and without (periods detected from the data). Prints markdown rows:
# | task | ours | floor | ratio | load |.
#   bench/read_floor.sh [N] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
build=${2:-build/release}
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

load=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/time -f '%e %U %S %M' -o "$work/floor_time.txt" "$floor" "$input" >/dev/null
read -r floor_s floor_user floor_sys _ <"$work/floor_time.txt"
floor_cpu=$(awk -v u="$floor_user" -v s="$floor_sys" 'BEGIN { print u + s }')

scan() { # label, extra arguments
  local label=$1
  shift
  rm -rf "$work/out"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$bin" scan -q --incidents "$input" \
    --areas data/open/nl-gemeenten-2023.geojson "$@" --out "$work/out" >/dev/null 2>&1
  local wall user sys kib
  read -r wall user sys kib <"$work/time.txt"
  awk -v l="$label" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kib" -v f="$floor_s" -v fc="$floor_cpu" \
    -v load="$load" -v cores="$(nproc)" 'BEGIN {
    printf "| %s, %d registrations from a GeoPackage | %.2f s wall (%.2f s CPU), %.0f MiB peak | GDAL read floor %.2f s wall (%.2f s CPU; one thread, every field and geometry) | %.2fx the floor (%.2fx in CPU) | load %s on %d cores |\n",
      l, n, w, u + s, k / 1024, f, fc, w / f, (u + s) / fc, load, cores }'
}

scan "scan --year 2024" --year 2024
scan "scan, periods detected"
