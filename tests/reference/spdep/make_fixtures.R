# Reference values for the hotspot statistics, produced by R spdep (Debian r-cran-spdep, 1.2.x).
#
# Run from the repository root:   Rscript tests/reference/spdep/make_fixtures.R
# Writes small CSV files next to this script; tests/core/hotspot_reference_test.cpp reads them.
#
# Three data sets, chosen so that every branch of the formulas is exercised:
#   lattice  : 15 x 12 squares of 100 m in RD New plus one detached square (an island) and a
#              detached pair (a component of two); queen and rook contiguity (poly2nb).
#   points   : 300 incident locations with 24 coincident duplicates (one address, many incidents)
#              and 3 far-away points that are islands under the distance band; k nearest neighbours
#              (k = 6, asymmetric) and a 150 m distance band (dnearneigh, 0 <= d <= 150), also
#              with inverse-distance weights (points_idw150_*.csv: local and global Moran only).
#   gemeenten: the 342 Dutch municipalities of 2023 (/work/shared/data/nl-gemeenten-2023.geojson),
#              value = land area in km2, queen contiguity; the Wadden islands are islands.
#
# For every (data set, neighbours) pair the script writes
#   <name>_nb.csv     : from,to (1-based row numbers), the neighbour list exactly as spdep built it;
#                       the C++ tests rebuild the statistics on this list, so differences in how
#                       neighbours are found cannot hide differences in the statistics.
#   <name>_local.csv  : per row: value, local Moran (style W: Ii, E.Ii, Var.Ii, Z.Ii, two-sided p,
#                       pysal quadrant), Gi* z (include.self, style B), Gi z (style B), and the
#                       Gi* internals G, E(G), V(G).
#   <name>_global.csv : global Moran's I (styles W and B; randomisation and normality), General G
#                       (style B, globalG.test defaults).
# Islands are kept (zero.policy = TRUE); spdep then reports NaN for the local Moran z of an island,
# which the C++ code replaces by its own documented convention (tested separately).
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
options(digits = 17)
invisible(set.ZeroPolicyOption(TRUE))
out_dir <- "tests/reference/spdep"
stopifnot(dir.exists(out_dir))
cat("spdep", as.character(packageVersion("spdep")), "\n")

fmt <- function(v) {
  if (is.numeric(v)) trimws(formatC(v, digits = 17, format = "g")) else as.character(v)
}

write_csv <- function(df, file) {
  df[] <- lapply(df, fmt)
  write.csv(df, file.path(out_dir, file), row.names = FALSE, quote = FALSE)
}

write_nb <- function(nb, name) {
  from <- rep(seq_along(nb), card(nb))
  to <- unlist(lapply(nb, function(v) v[v > 0]))
  write_csv(data.frame(from = from, to = to), paste0(name, "_nb.csv"))
}

reference <- function(x, nb, name) {
  write_nb(nb, name)
  lw_w <- nb2listw(nb, style = "W", zero.policy = TRUE)
  lw_b <- nb2listw(nb, style = "B", zero.policy = TRUE)
  lw_star <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)

  lm <- localmoran(x, lw_w, zero.policy = TRUE)
  quadr <- attr(lm, "quadr")$pysal
  gstar <- localG(x, lw_star, zero.policy = TRUE, return_internals = TRUE)
  gi <- localG(x, lw_b, zero.policy = TRUE)
  ints <- attr(gstar, "internals")
  local <- data.frame(
    value = x,
    cardinality = card(nb),
    Ii = lm[, 1], E_Ii = lm[, 2], Var_Ii = lm[, 3], Z_Ii = lm[, 4], P_Ii = lm[, 5],
    quadrant = as.character(quadr),
    Gstar_z = as.numeric(gstar),
    Gstar = ints[, 1], E_Gstar = ints[, 2], V_Gstar = ints[, 3],
    Gi_z = as.numeric(gi))
  write_csv(local, paste0(name, "_local.csv"))

  rows <- list()
  add <- function(stat, t) {
    rows[[length(rows) + 1]] <<- data.frame(
      statistic = stat,
      estimate = unname(t$estimate[1]), expectation = unname(t$estimate[2]),
      variance = unname(t$estimate[3]), z = unname(t$statistic))
  }
  add("moran_W_randomisation", moran.test(x, lw_w, randomisation = TRUE, zero.policy = TRUE))
  add("moran_W_normality", moran.test(x, lw_w, randomisation = FALSE, zero.policy = TRUE))
  add("moran_B_randomisation", moran.test(x, lw_b, randomisation = TRUE, zero.policy = TRUE))
  add("moran_B_normality", moran.test(x, lw_b, randomisation = FALSE, zero.policy = TRUE))
  add("general_G_B", globalG.test(x, lw_b, zero.policy = TRUE))
  write_csv(do.call(rbind, rows), paste0(name, "_global.csv"))
  cat(name, ": n =", length(x), ", islands =", sum(card(nb) == 0), "\n")
}

# --- lattice with an island and a detached pair --------------------------------------------------
square <- function(x0, y0, s = 100) {
  st_polygon(list(rbind(c(x0, y0), c(x0 + s, y0), c(x0 + s, y0 + s), c(x0, y0 + s), c(x0, y0))))
}
cols <- 15; rows <- 12; x0 <- 150000; y0 <- 450000
cells <- list()
for (r in 0:(rows - 1)) for (c in 0:(cols - 1)) cells[[length(cells) + 1]] <- square(x0 + 100 * c, y0 + 100 * r)
cells[[length(cells) + 1]] <- square(x0 + 3000, y0 + 3000)          # island
cells[[length(cells) + 1]] <- square(x0 - 2000, y0)                 # detached pair, left square
cells[[length(cells) + 1]] <- square(x0 - 1900, y0)                 # detached pair, right square
lattice <- st_sfc(cells, crs = 28992)
set.seed(20261128)
n_lat <- length(lattice)
# Counts with a smooth trend plus noise, so that there is real autocorrelation and many ties.
cx <- ((seq_len(n_lat) - 1) %% cols); cy <- ((seq_len(n_lat) - 1) %/% cols)
lattice_x <- rpois(n_lat, lambda = 2 + 6 * exp(-((cx - 4)^2 + (cy - 7)^2) / 12))
lattice_x[n_lat - 2] <- 7; lattice_x[n_lat - 1] <- 1; lattice_x[n_lat] <- 0
write_csv(data.frame(value = lattice_x), "lattice_values.csv")
reference(lattice_x, poly2nb(lattice, queen = TRUE), "lattice_queen")
reference(lattice_x, poly2nb(lattice, queen = FALSE), "lattice_rook")

# --- points with coincident locations and far-away islands ---------------------------------------
set.seed(42)
n_base <- 273
px <- round(155000 + rnorm(n_base, sd = 400))
py <- round(463000 + rnorm(n_base, sd = 300))
dup <- sample.int(n_base, 24)                                        # coincident incidents
px <- c(px, px[dup], 160000, 150000, 155000)
py <- c(py, py[dup], 463000, 463000, 470000)
points_x <- rpois(length(px), lambda = 3 + 4 * (px > 155200))
coords <- cbind(px, py)
write_csv(data.frame(x = px, y = py, value = points_x), "points_values.csv")
suppressWarnings(knn <- knn2nb(knearneigh(coords, k = 6)))
reference(points_x, knn, "points_knn6")
band150 <- dnearneigh(coords, 0, 150)
reference(points_x, band150, "points_band150")
# Inverse-distance weights on the same band, 1 / max(d, 1 m) so coincident points stay finite
# (gebiedscan's inverseDistanceWeights(points, 150, 1, 1)): general weights test S0, S1, S2.
glist <- lapply(nbdists(band150, coords), function(d) 1 / pmax(d, 1))
idw_b <- nb2listw(band150, glist = glist, style = "B", zero.policy = TRUE)
idw_w <- nb2listw(band150, glist = glist, style = "W", zero.policy = TRUE)
idw_lm <- localmoran(points_x, idw_w, zero.policy = TRUE)
write_csv(data.frame(Ii = idw_lm[, 1], E_Ii = idw_lm[, 2], Var_Ii = idw_lm[, 3], Z_Ii = idw_lm[, 4]),
          "points_idw150_local.csv")
idw_rows <- lapply(list(
  moran_B_randomisation = moran.test(points_x, idw_b, zero.policy = TRUE),
  moran_B_normality = moran.test(points_x, idw_b, randomisation = FALSE, zero.policy = TRUE),
  moran_W_randomisation = moran.test(points_x, idw_w, zero.policy = TRUE)), function(t)
  data.frame(estimate = unname(t$estimate[1]), expectation = unname(t$estimate[2]),
             variance = unname(t$estimate[3]), z = unname(t$statistic)))
write_csv(cbind(statistic = names(idw_rows), do.call(rbind, idw_rows)), "points_idw150_global.csv")

# --- Dutch municipalities 2023 --------------------------------------------------------------------
gem_file <- "/work/shared/data/nl-gemeenten-2023.geojson"
if (file.exists(gem_file)) {
  gem <- st_read(gem_file, quiet = TRUE)
  area_km2 <- as.numeric(st_area(gem)) / 1e6
  write_csv(data.frame(statcode = gem$statcode, value = area_km2), "gemeenten_values.csv")
  reference(area_km2, poly2nb(gem, queen = TRUE), "gemeenten_queen")
  write_nb(poly2nb(gem, queen = FALSE), "gemeenten_rook")
}
