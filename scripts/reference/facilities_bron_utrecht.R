# Independent count for `gebiedscan facilities` (issue 16 item 1) with R sf st_is_within_distance,
# on real data in the repository (data/open, sources in data/open/SOURCES.md):
#   registrations: the BRON road accidents of the province of Utrecht 2015-2018, one row per
#                  accident (nummer == 1; the file has one row per party);
#   facilities A : the fatal accidents among them (ap3_code DOD) as points, radius 200 m, ring to
#                  1000 m (5 x radius);
#   facilities B : the 342 Dutch gemeenten of 2023 as polygons, radius 500 m (0 inside the polygon).
# Both in RD New (EPSG:28992), Euclidean. Run from the repository root:
#   Rscript scripts/reference/facilities_bron_utrecht.R
# Writes tests/reference/facilities/bron_dod_200.csv and gemeenten_500.csv (row = facility in
# layer order: n within the radius, n_ring within (radius, 5 radius]); read by
# tests/pipeline/facility_job_test.cpp.
suppressPackageStartupMessages(library(sf))
out_dir <- "tests/reference/facilities"
stopifnot(dir.exists(out_dir))
cat("sf", as.character(packageVersion("sf")), "\n")

bron <- st_read("data/open/bron-utrecht-2015-2018.geojson", quiet = TRUE)
bron <- st_transform(bron[bron$nummer == 1, ], 28992)
within <- function(facilities, points, d) lengths(st_is_within_distance(facilities, points, dist = d))

reference <- function(facilities, radius, file) {
  n <- within(facilities, bron, radius)
  ring <- within(facilities, bron, 5 * radius) - n
  write.csv(data.frame(row = seq_along(n), n = n, n_ring = ring), file.path(out_dir, file),
            row.names = FALSE, quote = FALSE)
  cat(file, ": ", length(n), " facilities, sum n = ", sum(n), ", max n = ", max(n),
      ", facilities with n > 0: ", sum(n > 0), "\n", sep = "")
}

dod <- bron[bron$ap3_code == "DOD", ]
reference(dod, 200, "bron_dod_200.csv")
gemeenten <- st_read("data/open/nl-gemeenten-2023.geojson", quiet = TRUE)
gemeenten <- st_transform(gemeenten, 28992)
reference(gemeenten, 500, "gemeenten_500.csv")
cat("accidents (nummer == 1):", nrow(bron), "\n")
