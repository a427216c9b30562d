#!/usr/bin/env bash
# Runs every benchmark that has a reference tool (or a goal) against it in this one run and prints
# the README's benchmark table: one row per case, ratio first (reference / ours: above 1 means
# gebiedscan is faster), absolute times, runs and the machine's load before -> after each case.
# Without --quick it also replaces the table in README.md (between the run_all markers), so the
# README quotes no figure this script did not print.
#   bench/run_all.sh [--quick] [--readme] [RUNS=3] [BUILD_DIR=build/release]
#   --quick: small sizes and one run (a smoke test of every case, minutes); README.md untouched
#   unless --readme is given too (the table's header then says --quick).
# Each case is a script of its own in bench/ printing its rows on stdout, progress on stderr.
# Needs R (spdep, spatstat, KernSmooth, sf), PostgreSQL + PostGIS (scripts/start-postgis.sh), GNU time:
# scripts/install-deps.sh --bench installs them.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
quick=0 readme=1
if [[ ${1:-} == --quick ]]; then
  quick=1 readme=0
  shift
fi
if [[ ${1:-} == --readme ]]; then
  readme=1
  shift
fi
runs=${1:-3}
build=${2:-build/release}
bench_build=build/bench
((quick)) && runs=1
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

for tool in Rscript psql /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run_all: $tool is missing: scripts/install-deps.sh --bench installs the reference tools" >&2; exit 2; }
done

echo "run_all: building gebiedscan ($build) and the kernel benches ($bench_build)" >&2
[[ -f $build/CMakeCache.txt ]] || cmake --preset release "${launcher[@]}" >/dev/null
cmake --build "$build" --target gebiedscan >/dev/null
[[ -f $bench_build/CMakeCache.txt ]] || cmake --preset bench "${launcher[@]}" >/dev/null
cmake --build "$bench_build" --target hotspot_bench kde_bench >/dev/null

# The cases in table order, with their arguments (RUNS and the build directory first).
if ((quick)); then
  cases=("permutations_vs_spdep.sh $runs $bench_build 60"
    "kde_vs_spatstat.sh $runs $bench_build"
    "scan_vs_postgis.sh $runs $build 100000 2000"
    "read_floor.sh $runs $build 200000"
    "hotspots_auto.sh $runs $build")
else
  cases=("permutations_vs_spdep.sh $runs $bench_build"
    "kde_vs_spatstat.sh $runs $bench_build"
    "scan_vs_postgis.sh $runs $build"
    "read_floor.sh $runs $build"
    "hotspots_auto.sh $runs $build")
fi

table=$(mktemp "${TMPDIR:-/tmp}/run_all.XXXXXX")
trap 'rm -f "$table"' EXIT
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/run_all.sh$( ((quick)) && echo ' --quick') $runs\` on $(nproc) cores ($(uname -m)), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), load average at start $(cut -d' ' -f1-3 /proc/loadavg):"
  echo
  echo "| ratio | workload | gebiedscan | reference, same run | runs and load |"
  echo "|---|---|---|---|---|"
} >"$table"
failed=0
for c in "${cases[@]}"; do
  read -r -a argv <<<"$c"
  echo "run_all: bench/${argv[0]} ${argv[*]:1}" >&2
  if ! "bench/${argv[0]}" "${argv[@]:1}" >>"$table"; then
    echo "run_all: bench/${argv[0]} failed" >&2
    failed=1
  fi
done
cat "$table"
if ((readme && !failed)); then
  # The block between the markers is this output, nothing else.
  awk -v table="$table" '
    /<!-- run_all:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- run_all:end -->/ { skip = 0 }
    !skip' README.md >README.md.new && mv README.md.new README.md
  echo "run_all: README.md's benchmark table replaced" >&2
fi
exit $failed
