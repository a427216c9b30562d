#!/usr/bin/env bash
# Runs every end-to-end benchmark case against its reference tool in this one run and prints the
# README's benchmark table: one markdown row per case, ratio first, with absolute times and the
# machine's load (so no figure is quoted that nobody can reproduce). Each case is a script of its
# own in bench/ that prints its row on stdout and its progress on stderr.
#   bench/run_all.sh [RUNS=3] [BUILD_DIR=build/release]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/release}

if [[ ! -x $build/bin/gebiedscan ]]; then
  cmake --preset release >/dev/null
  cmake --build "$build" --target gebiedscan
fi

# The cases, in table order; a case whose script is not there (yet) is skipped.
cases=(scan_vs_postgis.sh)

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average at start $(cut -d' ' -f1-3 /proc/loadavg):"
echo
echo "| ratio | workload | gebiedscan | reference, same run | runs and load |"
echo "|---|---|---|---|---|"
failed=0
for c in "${cases[@]}"; do
  if [[ ! -x bench/$c ]]; then
    echo "run_all: bench/$c missing, skipped" >&2
    continue
  fi
  if ! "bench/$c" "$runs" "$build"; then
    echo "run_all: bench/$c failed" >&2
    failed=1
  fi
done
exit $failed
