#!/usr/bin/env bash
# `gebiedscan hotspots --grid auto` on the demo's 200,000 synthetic registrations (Drenthe, as
# scripts/quickstart.sh makes them): median wall and CPU seconds of RUNS runs, with 999
# permutations (the default) and with analytic p-values (--permutations 0, as ArcGIS). Prints one
# row of bench/run_all.sh's table per case; there is no reference tool on this machine for the
# automatic scale (ArcGIS's Optimized Hot Spot Analysis), so the "reference" is issue 17's goal of
# 3 s and the ratio is goal / our CPU time (at least 1 = goal met).
#   bench/hotspots_auto.sh [RUNS] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/release}
bin=$build/bin/gebiedscan
input=$build/demo/synthetische_registraties.gpkg
if [[ ! -f $input ]]; then
  mkdir -p "$build/demo"
  "$bin" synth --areas data/open/drenthe-buurten-2024.geojson --count 200000 --seed 20240101 \
    --from-year 2021 --to-year 2024 --out "$input" >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/hotspots_auto.XXXXXX")
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

row() { # label, extra arguments
  local label=$1
  shift
  : >"$work/wall" && : >"$work/cpu"
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for ((r = 0; r < runs; ++r)); do
    /usr/bin/time -f '%e %U %S' -o "$work/t" "$bin" hotspots -q --areas "$input" --grid auto "$@" \
      --out "$work/out" >/dev/null 2>&1
    read -r wall user sys <"$work/t"
    echo "$wall" >>"$work/wall"
    awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' >>"$work/cpu"
  done
  local wall cpu
  wall=$(median <"$work/wall")
  cpu=$(median <"$work/cpu")
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v lb="$load" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" -v n="$runs" 'BEGIN {
    printf "| %.2fx (CPU) | %s | %.2f s CPU (%.2f s wall) | goal of issue 17: 3 s | median of %d, load %s -> %s |\n",
      3.0 / c, l, c, w, n, lb, la }'
}

row "\`hotspots --grid auto\` on the demo (200,000 registrations, 37,423 cells of 250 m, band 1125 m), 999 permutations"
row "\`hotspots --grid auto\` on the demo, \`--permutations 0\` (analytic p, as ArcGIS)" --permutations 0
