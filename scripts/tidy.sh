#!/usr/bin/env bash
# clang-tidy over the project's sources with the checks in .clang-tidy (uses build/release's
# compile_commands.json; run scripts/quickstart.sh or scripts/test.sh first). Not part of CI.
#   scripts/tidy.sh                 every source
#   scripts/tidy.sh FILE...         only these
set -euo pipefail
cd "$(dirname "$0")/.."
db=build/release
[[ -f $db/compile_commands.json ]] || { echo "scripts/tidy.sh: build first ($db)" >&2; exit 2; }
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files 'core/*.cpp' 'gis/*.cpp' 'pipeline/*.cpp' 'app/*.cpp'); fi
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy-14 -p "$db" --quiet
