#!/usr/bin/env bash
# 999 conditional permutations of local Moran and Gi* on a SIDE x SIDE queen lattice (default 200:
# 40,000 areas): bench/hotspot_bench on one thread against R spdep's localmoran_perm and
# localG_perm (bench/spdep_compare.R, serial) on the same lattice and counts, one after the other in
# this run. Prints two rows of bench/run_all.sh's table (ratio = spdep / ours, per core).
#   bench/permutations_vs_spdep.sh [RUNS=3] [BENCH_BUILD_DIR=build/bench] [SIDE=200]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/bench}
side=${3:-200}
bench=$build/bench/hotspot_bench
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
areas=$((side * side))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ours_lm=() ours_gi=() r_lm=() r_gi=()
for run in $(seq 1 "$runs"); do
  out=$("$bench" 1 "$side")
  ours_lm+=("$(echo "$out" | awk '/^local Moran \+ 999 permutations/ { for (i = 1; i <= NF; ++i) if ($(i + 1) == "s") { print $i; exit } }')")
  ours_gi+=("$(echo "$out" | awk '/^Gi\* \+ 999 permutations/ { for (i = 1; i <= NF; ++i) if ($(i + 1) == "s") { print $i; exit } }')")
  rout=$(Rscript --vanilla bench/spdep_compare.R "$side" 2>/dev/null)
  r_lm+=("$(echo "$rout" | awk '/^localmoran_perm/ { print $(NF - 1) }')")
  r_gi+=("$(echo "$rout" | awk '/^localG_perm/ { print $(NF - 1) }')")
  echo "permutations_vs_spdep: run $run: local Moran ${ours_lm[-1]} s vs spdep ${r_lm[-1]} s, Gi* ${ours_gi[-1]} s vs ${r_gi[-1]} s" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
spdep_version=$(Rscript --vanilla -e 'cat(as.character(packageVersion("spdep")))' 2>/dev/null)
row() { # label, ours, reference label, reference
  awk -v l="$1" -v o="$2" -v rl="$3" -v r="$4" -v a="$areas" -v n="$runs" -v lb="$load_before" -v la="$load_after" 'BEGIN {
    printf "| %.1fx | %s, 999 permutations, %d areas (queen lattice), one thread | %.3f s | %s %.2f s | median of %d, load %s -> %s |\n",
      r / o, l, a, o, rl, r, n, lb, la }'
}
row "local Moran" "$(printf '%s\n' "${ours_lm[@]}" | median)" "spdep $spdep_version \`localmoran_perm\`" \
  "$(printf '%s\n' "${r_lm[@]}" | median)"
row "Gi*" "$(printf '%s\n' "${ours_gi[@]}" | median)" "spdep $spdep_version \`localG_perm\`" \
  "$(printf '%s\n' "${r_gi[@]}" | median)"
