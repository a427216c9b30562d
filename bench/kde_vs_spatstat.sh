#!/usr/bin/env bash
# Kernel density of 1 million events on 1024 x 1024 cells (Gaussian, sigma 100 m): bench/kde_bench
# (binned FFT) against spatstat density.ppp and KernSmooth bkde2D on the same points
# (bench/kde_compare.R, best of 3 each), in this run. Prints two rows of bench/run_all.sh's table
# (ratio = reference / ours) and the surfaces' agreement on stderr.
#   bench/kde_vs_spatstat.sh [RUNS=3] [BENCH_BUILD_DIR=build/bench]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/kde_vs_spatstat.XXXXXX")
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$build/bench/kde_bench" --write "$work" >"$work/ours.txt"
out=$(Rscript --vanilla bench/kde_compare.R "$work") # R errors stay on stderr
echo "$out" | sed 's/^/kde_vs_spatstat: /' >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
ours=$(echo "$out" | awk '/gebiedscan binned-fft/ { print $(NF - 1) }')
for tool in "spatstat density.ppp" "KernSmooth bkde2D"; do
  ref=$(echo "$out" | awk -v t="$tool" 'index($0, t) { for (i = 1; i <= NF; ++i) if ($(i + 1) == "s") { print $i; exit } }')
  agreement=$(echo "$out" | awk -v t="${tool%% *}" 'index($0, "ours vs " t) { sub(/.*: */, ""); print; exit }')
  awk -v o="$ours" -v r="$ref" -v t="$tool" -v n="$runs" -v lb="$load_before" -v la="$load_after" -v g="$agreement" 'BEGIN {
    printf "| %.0fx | kernel density, 1 M events on 1024 x 1024 cells, Gaussian sigma 100 m | %.3f s | %s %.2f s | best of 3, load %s -> %s; surfaces: %s |\n",
      r / o, o, t, r, lb, la, g }'
done
