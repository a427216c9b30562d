#!/usr/bin/env bash
# Builds and runs the whole test suite: the normal build, then the core, gis and pipeline tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer. Starts a local PostgreSQL + PostGIS for
# the PostGIS tests, and a short libFuzzer smoke run of each fuzz target over its seed corpus.
# Idempotent. Locally, GEBIEDSCAN_SKIP_ASAN=1 / GEBIEDSCAN_SKIP_FUZZ=1 skip those passes.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
scripts/start-postgis.sh
export GEBIEDSCAN_TEST_PG="PG:dbname=gebiedscan_test"
export QT_QPA_PLATFORM=offscreen

cmake --preset release >/dev/null
cmake --build build/release --parallel "$(nproc)"
ctest --test-dir build/release --output-on-failure --parallel "$(nproc)"

if [[ "${GEBIEDSCAN_SKIP_ASAN:-0}" != 1 ]]; then
  cmake --preset asan >/dev/null
  cmake --build build/asan --parallel "$(nproc)" --target test_core test_gis test_pipeline
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/asan --output-on-failure --parallel "$(nproc)" -L 'core|gis|pipeline'
fi

if [[ "${GEBIEDSCAN_SKIP_FUZZ:-0}" != 1 ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build build/fuzz --parallel "$(nproc)" --target fuzz_scan_model fuzz_incidents_csv fuzz_incidents_geojson fuzz_area_locator
  ctest --test-dir build/fuzz --output-on-failure --parallel "$(nproc)" -L fuzz
fi
