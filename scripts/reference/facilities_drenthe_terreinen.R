# A new user's check of `gebiedscan facilities` (issue 16 item 1) on real Dutch facility polygons:
# the business parks (Bedrijventerrein*, Industrie*, Bedrijvenpark*) and town centres (*Centrum)
# among the CBS buurten of Drenthe 2024, radius 200 m from the edge, the demo's registrations of
# 2024, against R sf st_is_within_distance. Run from the repository root after quickstart.sh:
#   W="buurtnaam LIKE 'Bedrijventerrein%' OR buurtnaam LIKE 'Industrie%' OR buurtnaam LIKE 'Bedrijvenpark%' OR buurtnaam LIKE '%Centrum'"
#   build/release/bin/gebiedscan facilities --incidents build/release/demo/synthetische_registraties.gpkg \
#     --facilities data/open/drenthe-buurten-2024.geojson --facilities-filter "$W" --radius 200 \
#     --from 2024-01-01 --to 2024-12-31 --internal --out /tmp/terreinen
#   Rscript scripts/reference/facilities_drenthe_terreinen.R /tmp/terreinen
# Points without finite coordinates are left out here: sf counts a NaN point as within any distance
# of every polygon, gebiedscan counts it under "zonder geldige locatie".
suppressPackageStartupMessages(library(sf))
args <- commandArgs(TRUE)
out <- if (length(args) > 0) args[1] else "/tmp/terreinen"
b <- st_transform(st_read("data/open/drenthe-buurten-2024.geojson", quiet = TRUE), 28992)
f <- b[grepl("^(Bedrijventerrein|Industrie|Bedrijvenpark)", b$buurtnaam) | grepl("Centrum$", b$buurtnaam), ]
r <- st_read("build/release/demo/synthetische_registraties.gpkg", quiet = TRUE)
d <- as.Date(substr(as.character(r$pleegdatum_van), 1, 10))
xy <- st_coordinates(r)
r <- r[!is.na(d) & d >= as.Date("2024-01-01") & d <= as.Date("2024-12-31") & is.finite(xy[, 1]) & is.finite(xy[, 2]), ]
n <- lengths(st_is_within_distance(f, st_transform(r, 28992), 200))
g <- st_drop_geometry(st_read(file.path(out, "facilities.gpkg"), "facilities", quiet = TRUE))
m <- merge(data.frame(buurtcode = f$buurtcode, r = n), g[, c("buurtcode", "n_total")], by = "buurtcode")
cat("facilities", nrow(m), "sum sf", sum(m$r), "sum gebiedscan", sum(m$n_total), "differences", sum(m$r != m$n_total), "\n")
quit(status = if (nrow(m) == nrow(f) && all(m$r == m$n_total)) 0 else 1)
