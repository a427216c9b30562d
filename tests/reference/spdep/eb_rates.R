# Reference values for the Empirical Bayes rates, produced by R spdep (Debian r-cran-spdep 1.2.x).
#
# Run from the repository root:   Rscript tests/reference/spdep/eb_rates.R
# Writes eb_*.csv next to this script; tests/core/empirical_bayes_reference_test.cpp reads them.
#
# Two real data sets:
#   drenthe: the 452 buurten of /work/shared/data/drenthe-buurten-2024.geojson (population
#            aantal_inwoners, CBS 2024) with the registered crimes of 2023 per buurt (CBS/Politie
#            47018NED, 0.0.0 Totaal misdrijven, /work/shared/data/drenthe-misdrijven-buurt-2023.csv).
#            Buurten without inhabitants or without a crime figure cannot be in spdep's call (it
#            stops on a zero population); they are left out of the EB call, and the neighbour list
#            of the remaining buurten is poly2nb on those buurten alone.
#   sids   : the 100 North Carolina counties of spData (sids.shp), SID74 cases of BIR74 births.
#   auckland: the 167 census area units of spData (auckland.shp), the example of spdep's EBest help.
# For each the script writes
#   eb_<name>_values.csv : id, count, population, used (1 = in the EB call)
#   eb_<name>_nb.csv     : from,to (1-based row numbers of the *used* rows, in order), queen poly2nb
#   eb_<name>_rates.csv  : per used row: raw, global (EBest estmm), local (EBlocal), local_geoda
#                          (EBlocal geoda = TRUE), local_a, local_m
#   eb_<name>_global.csv : a, b of EBest (method of moments, Poisson)
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

reference <- function(name, id, count, population, geometry) {
  used <- !is.na(count) & !is.na(population) & population > 0
  write_csv(data.frame(id = id, count = count, population = population, used = as.integer(used)),
            paste0("eb_", name, "_values.csv"))
  nb <- poly2nb(geometry[used], queen = TRUE)
  from <- rep(seq_along(nb), card(nb))
  to <- unlist(lapply(nb, function(v) v[v > 0]))
  write_csv(data.frame(from = from, to = to), paste0("eb_", name, "_nb.csv"))
  n <- count[used]
  x <- population[used]
  g <- EBest(n, x)
  l <- EBlocal(n, x, nb)
  lg <- EBlocal(n, x, nb, geoda = TRUE)
  write_csv(data.frame(raw = g$raw, global = g$estmm, local = l$est, local_geoda = lg$est,
                       local_a = attr(l, "parameters")$a, local_m = attr(l, "parameters")$m),
            paste0("eb_", name, "_rates.csv"))
  p <- attr(g, "parameters")
  write_csv(data.frame(a = p$a, b = p$b), paste0("eb_", name, "_global.csv"))
  cat(name, ": ", sum(used), " of ", length(used), " areas used, islands ", sum(card(nb) == 0),
      ", a = ", p$a, ", b = ", p$b, "\n", sep = "")
}

buurten <- st_read("/work/shared/data/drenthe-buurten-2024.geojson", quiet = TRUE)
crimes <- read.csv("/work/shared/data/drenthe-misdrijven-buurt-2023.csv", colClasses = "character")
crimes <- crimes[crimes$soort_misdrijf_code == "0.0.0", ]
count <- suppressWarnings(as.numeric(crimes$aantal[match(buurten$buurtcode, crimes$buurtcode)]))
reference("drenthe", buurten$buurtcode, count, as.numeric(buurten$aantal_inwoners), st_geometry(buurten))

sids <- st_read(system.file("shapes/sids.shp", package = "spData"), quiet = TRUE)
reference("sids", sids$FIPSNO, as.numeric(sids$SID74), as.numeric(sids$BIR74), st_geometry(sids))

# The example of spdep's own EBest help page: infant deaths 1977-85 of 9 x the under-5 population.
auckland <- st_read(system.file("shapes/auckland.shp", package = "spData"), quiet = TRUE)
reference("auckland", seq_len(nrow(auckland)), as.numeric(auckland$M77_85), 9 * as.numeric(auckland$Und5_81),
          st_geometry(auckland))
