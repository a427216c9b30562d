#!/usr/bin/env bash
# 1 M synthetic registrations into 14,000 Voronoi areas: the whole `gebiedscan scan` (default
# outputs: GeoPackage, Shapefile, CSV, GeoJSON) against PostGIS's bare ST_Contains join + GROUP BY
# on the same data, interleaved in the same run. Checks that both give the same count per area
# and prints one markdown table row, ratio first (bench/run_all.sh collects the rows).
#   bench/scan_vs_postgis.sh [RUNS=3] [BUILD_DIR=build/release] [POINTS=1000000] [AREAS=14000]
# Needs Rscript with sf (the areas), PostgreSQL 15 + PostGIS (scripts/start-postgis.sh), GNU time.
set -euo pipefail
export LC_ALL=C # sort and join in byte order, '.' decimals
cd "$(dirname "$0")/.."
runs=${1:-3}
build=${2:-build/release}
points=${3:-1000000}
areas=${4:-14000}
bin=$build/bin/gebiedscan
work=$build/bench-postgis
pg="dbname=gebiedscan_test"
schema=bench_scan_vs_postgis
mkdir -p "$work"
log() { echo "scan_vs_postgis: $*" >&2; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
now() { date +%s.%N; }

# 1. The areas: a Voronoi partition of seeded random points in the Netherlands (CBS gemeenten
#    2023), clipped to the land outline, codes V00001.. from west to east. Reproducible (seed 17).
area_file=$work/voronoi_$areas.gpkg
if [[ ! -f $area_file ]]; then
  log "making $areas Voronoi areas"
  Rscript --vanilla - "$areas" "$area_file" data/open/nl-gemeenten-2023.geojson <<'EOF'
suppressMessages(library(sf))
args <- commandArgs(TRUE)
n <- as.integer(args[1])
nl <- st_transform(st_read(args[3], quiet = TRUE), 28992)
outline <- st_union(st_make_valid(nl))
set.seed(17)
seeds <- st_sample(outline, n)
cells <- st_collection_extract(st_voronoi(st_union(seeds), envelope = st_as_sfc(st_bbox(outline))), "POLYGON")
cells <- st_intersection(st_sf(geometry = cells), outline)
cells <- st_cast(st_collection_extract(cells, "POLYGON"), "MULTIPOLYGON")
cells <- cells[order(st_coordinates(st_centroid(st_geometry(cells)))[, 1]), ]
cells$code <- sprintf("V%05d", seq_len(nrow(cells)))
cells$naam <- paste("Voronoi", seq_len(nrow(cells)))
st_write(cells[, c("code", "naam")], args[2], layer = "gebieden", quiet = TRUE, delete_dsn = TRUE)
EOF
fi

# 2. The registrations: seeded, no deliberately broken records (so both sides count every point).
point_file=$work/registraties_$points.gpkg
if [[ ! -f $point_file ]]; then
  log "making $points synthetic registrations"
  "$bin" synth --areas "$area_file" --count "$points" --seed 17 --malformed 0 --from-year 2021 \
    --to-year 2024 --out "$point_file" >/dev/null
fi

# 3. PostGIS: load both (no index), then build the GiST indexes, timed apart from the query.
scripts/start-postgis.sh >/dev/null 2>&1
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d gebiedscan_test "$@"; }
psql_q -c "drop schema if exists $schema cascade; create schema $schema" >/dev/null 2>&1
log "loading into PostGIS (schema $schema)"
t0=$(now)
ogr2ogr -f PostgreSQL "PG:$pg" "$area_file" gebieden -nln areas -lco SCHEMA=$schema -lco GEOMETRY_NAME=geom \
  -lco SPATIAL_INDEX=NONE -lco FID=fid
PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:$pg" "$point_file" synthetische_registraties -nln pts \
  -lco SCHEMA=$schema -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE -lco FID=fid
load_s=$(echo "$(now) - $t0" | bc)
t0=$(now)
psql_q -c "create index on $schema.areas using gist (geom)" -c "create index on $schema.pts using gist (geom)" \
  -c "vacuum analyze $schema.areas" -c "vacuum analyze $schema.pts" >/dev/null
index_s=$(echo "$(now) - $t0" | bc)
query="select a.code, count(*) from $schema.areas a join $schema.pts p on st_contains(a.geom, p.geom) group by 1"

# 4. Interleaved runs: PostGIS's query, then the whole scan.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pg_times=() scan_times=() scan_kib=()
for run in $(seq 1 "$runs"); do
  t0=$(now)
  psql_q -At -F ';' -c "$query" >"$work/postgis_counts.txt"
  pg_times+=("$(echo "$(now) - $t0" | bc)")
  rm -rf "$work/out"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" scan -q --incidents "$point_file" --areas "$area_file" \
    --area-code-field code --area-name-field naam --year 2024 --out "$work/out" 2>"$work/scan_stderr.txt" \
    >/dev/null
  read -r seconds kib <"$work/time.txt"
  scan_times+=("$seconds") scan_kib+=("$kib")
  log "run $run: PostGIS ${pg_times[-1]} s, gebiedscan $seconds s (peak $((kib / 1024)) MiB)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# 5. Same count per area: the scan's long figures table (theme Totaal, every period) against
#    PostGIS. Outside the police small counts are "geheim", so one more scan, untimed and for the
#    police (--internal), gives every count; the timed run's published counts must agree too.
"$bin" scan -q --incidents "$point_file" --areas "$area_file" --area-code-field code --area-name-field naam \
  --year 2024 --internal --formats csv --out "$work/out_intern" 2>/dev/null >/dev/null
per_area() { # CSV (Dutch: ';', BOM) -> "code;count" per area, hidden counts as "geheim"
  sed '1s/^\xEF\xBB\xBF//; s/\r$//' "$1" | awk -F';' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["theme"] == "Totaal" && $col["category"] == "" {
      c = $col["area_code"]; if ($col["count"] == "geheim") hidden[c] = 1; else n[c] += $col["count"] }
    END { for (c in n) if (hidden[c]) print c ";geheim"; else if (n[c] > 0) print c ";" n[c] }' | sort
}
per_area "$work/out_intern/gebiedscan_cijfers.csv" >"$work/scan_counts.txt"
per_area "$work/out/gebiedscan_cijfers.csv" >"$work/scan_counts_extern.txt"
sort "$work/postgis_counts.txt" >"$work/postgis_sorted.txt"
published_differ=$(join -t';' "$work/scan_counts_extern.txt" "$work/postgis_sorted.txt" |
  awk -F';' '$2 != "geheim" && $2 != $3' | wc -l)
if cmp -s "$work/scan_counts.txt" "$work/postgis_sorted.txt" && [[ $published_differ -eq 0 ]]; then
  check="counts of all $(wc -l <"$work/scan_counts.txt") areas identical to PostGIS"
else
  check="COUNTS DIFFER from PostGIS (diff $work/scan_counts.txt $work/postgis_sorted.txt)"
  log "$check"
fi

pg_s=$(printf '%s\n' "${pg_times[@]}" | median)
scan_s=$(printf '%s\n' "${scan_times[@]}" | median)
peak_mib=$(printf '%s\n' "${scan_kib[@]}" | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}')
ratio=$(awk -v p="$pg_s" -v s="$scan_s" 'BEGIN { printf "%.2f", p / s }')
log "load $load_s s, GiST indexes $index_s s (not in the PostGIS time)"
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
printf '| %sx | %s points into %s Voronoi areas, whole `gebiedscan scan`, default outputs | %.2f s, peak %s MiB | PostGIS `ST_Contains` join + `GROUP BY` %.2f s (GiST indexes built before: %.1f s) | median of %s, load %s -> %s; %s |\n' \
  "$ratio" "$(thousands "$points")" "$(thousands "$areas")" "$scan_s" "$peak_mib" "$pg_s" "$index_s" \
  "$runs" "$load_before" "$load_after" "$check"
