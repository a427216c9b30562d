# Done-when check of issue 16 (hot facilities) as a user runs it: the injury accidents of 2018 in
# BRON Utrecht stand in for facilities (no real Dutch school or horeca points are available
# offline), every accident (party row 1) is a registration. Counts within 350 m and in the ring to
# 1,750 m from R sf st_is_within_distance against the CLI's facilities.gpkg:
#
#   B=data/open/bron-utrecht-2015-2018.geojson
#   gebiedscan facilities --incidents $B --filter "nummer = 1" --facilities $B \
#     --facilities-filter "nummer = 1 AND ap3_code = 'LET' AND jaar_vkl = 2018" --radius 350 --internal --out /tmp/fac350
#   Rscript scripts/reference/facilities_let2018_check.R /tmp/fac350
#
# Result at the time of writing: 776 facilities, 11,241 counts, every n_total and n_ring equal.
suppressPackageStartupMessages(library(sf))
b <- st_read("data/open/bron-utrecht-2015-2018.geojson", quiet = TRUE)
b <- st_transform(b[b$nummer == 1, ], 28992)
f <- b[b$ap3_code == "LET" & b$jaar_vkl == 2018, ]
n <- lengths(st_is_within_distance(f, b, dist = 350))
ring <- lengths(st_is_within_distance(f, b, dist = 1750)) - n
out <- st_read(file.path(commandArgs(trailingOnly = TRUE)[1], "facilities.gpkg"), layer = "facilities", quiet = TRUE)
cat("facilities", nrow(f), nrow(out), "\n")
cat("sum n sf", sum(n), "ours", sum(out$n_total), "\n")
cat("equal n", all(n == out$n_total), " equal ring", all(ring == out$n_ring), "\n")
cat("max |diff|", max(abs(n - out$n_total)), max(abs(ring - out$n_ring)), "\n")
if (!all(n == out$n_total) || !all(ring == out$n_ring)) quit(status = 1)
