#!/usr/bin/env bash
# Installs the Debian 12 packages gebiedscan needs (only those missing). Idempotent.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the test suite needs (PostgreSQL + PostGIS, nl_NL locale,
#                                    clang for the libFuzzer smoke run, python3-qgis for QGIS headless
#                                    opening an exported package: about 110 MB download)
#   scripts/install-deps.sh --bench  also the reference tools bench/run_all.sh runs ours against (R with
#                                    spdep, spatstat, KernSmooth, sf; GNU time), and what --test installs
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data libsqlite3-dev
  libeigen3-dev libtomlplusplus-dev libcli11-dev libfmt-dev nlohmann-json3-dev libfftw3-dev libglpk-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev fonts-dejavu-core
  poppler-utils)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(r-base-core r-cran-spdep r-cran-spatstat r-cran-kernsmooth r-cran-sf time)
fi
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
  packages+=(postgresql postgresql-15-postgis-3 locales clang-14 libclang-rt-14-dev python3-qgis)
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "gebiedscan: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]] && ! locale -a 2>/dev/null | grep -qi '^nl_NL.utf8$'; then
  # IO tests also run under a comma-decimal locale.
  "${sudo_cmd[@]}" sed -i 's/^# *nl_NL.UTF-8 UTF-8/nl_NL.UTF-8 UTF-8/' /etc/locale.gen
  "${sudo_cmd[@]}" locale-gen >/dev/null
fi
