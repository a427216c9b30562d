#!/usr/bin/env bash
# Quick start: install what is missing, build in Release, make the demo gebiedscan of Drenthe.
# Idempotent: a second run only rebuilds what changed and rescans.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build build/release --parallel "$(nproc)"

demo=build/release/demo
mkdir -p "$demo"
if [[ ! -f "$demo/synthetische_registraties.gpkg" ]]; then
  # Synthetic registrations (labelled SYNTHETISCH), placed by the buurten's population: real
  # point-level police data is never public.
  build/release/bin/gebiedscan synth --areas data/open/drenthe-buurten-2024.geojson \
    --count 200000 --seed 20240101 --from-year 2021 --to-year 2024 \
    --out "$demo/synthetische_registraties.gpkg"
fi
build/release/bin/gebiedscan scan data/demo/drenthe.toml
