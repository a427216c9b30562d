# R spdep timings on the lattice of bench/hotspot_bench.cpp, for the README's side-by-side table.
#
#   Rscript bench/spdep_compare.R   (minutes: each permutation call takes 30 s or more)
#
# 200 x 200 queen lattice (cell2nb gives the same neighbours as poly2nb on the squares), counts
# with a smooth trend plus Poisson noise, 999 conditional permutations, spdep's default serial
# run (set.coresOption() unchanged). Also times the analytic statistics on 100,000 areas.
suppressPackageStartupMessages(library(spdep))
invisible(set.ZeroPolicyOption(TRUE))
cat("spdep", as.character(packageVersion("spdep")), "\n")
lattice_counts <- function(cols, rows) {
  set.seed(42)
  c <- rep(0:(cols - 1), times = rows); r <- rep(0:(rows - 1), each = cols)
  rpois(cols * rows, 2 + 3 * sin(c / 15) * cos(r / 20) + 3)
}
timed <- function(label, expr) {
  t <- system.time(expr)[["elapsed"]]
  cat(sprintf("%-52s %8.3f s\n", label, t))
  invisible(t)
}

# Rscript bench/spdep_compare.R [SIDE]: the permutation lattice SIDE x SIDE (200; bench/run_all.sh
# --quick passes a smaller one and skips the 100,000 areas).
side <- as.integer(commandArgs(trailingOnly = TRUE)[1])
if (is.na(side)) side <- 200L
nb40 <- NULL
timed(sprintf("cell2nb queen, %d cells", side * side), nb40 <- cell2nb(side, side, type = "queen"))
x40 <- lattice_counts(side, side)
lw40 <- nb2listw(nb40, style = "W")
lw40s <- nb2listw(include.self(nb40), style = "B")
timed(sprintf("localmoran_perm, %d areas, nsim = 999", side * side), localmoran_perm(x40, lw40, nsim = 999, iseed = 1))
timed(sprintf("localG_perm (G*), %d areas, nsim = 999", side * side), localG_perm(x40, lw40s, nsim = 999, iseed = 1))

if (side < 200L) quit(save = "no")
nb100 <- cell2nb(400, 250, type = "queen")
x100 <- lattice_counts(400, 250)
lw100 <- nb2listw(nb100, style = "W")
lw100s <- nb2listw(include.self(nb100), style = "B")
timed("localG (G*), 100,000 areas", localG(x100, lw100s))
timed("localmoran, 100,000 areas", localmoran(x100, lw100))
timed("moran.test, 100,000 areas", moran.test(x100, lw100))
