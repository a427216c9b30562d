#!/bin/sh
# ctest driver: a scan of real open data (BRON accidents of Utrecht 2015-2018 on the 342 CBS
# gemeenten), its council package (gebiedscan export --zip), opened in QGIS headless by
# check_export_in_qgis.py, which also renders every layer to a PNG.
# usage: run_qgis_check.sh GEBIEDSCAN_BINARY SOURCE_DIR
# Exit 77 (ctest SKIP) without python3-qgis (apt-get install python3-qgis).
set -eu
bin=$1
src=$2
if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "SKIP: python3-qgis is not installed (apt-get install python3-qgis)" >&2
  exit 77
fi
# One folder per process: ctest may run tests in parallel.
work=$(mktemp -d "${TMPDIR:-/tmp}/gebiedscan_qgis_export_XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin" scan --incidents "$src/data/open/bron-utrecht-2015-2018.geojson" --filter "nummer = 1" \
  --areas "$src/data/open/nl-gemeenten-2023.geojson" --out "$work/scan" --quiet
"$bin" export "$work/scan" --out "$work/pakket" --zip --quiet
test -s "$work/pakket.zip"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" /usr/bin/python3 "$src/tests/qgis/check_export_in_qgis.py" \
  "$work/pakket" "${GEBIEDSCAN_QGIS_PNG_DIR:-$work/png}"
