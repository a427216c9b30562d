# Checks the Empirical Bayes columns of a scan folder against R spdep (issue 16 item 4).
#
#   Rscript scripts/reference/scan_eb_check.R FOLDER [THEMA]
#
# FOLDER is a scan output (best an --internal one: outside the police eb_/ebl_ are hidden where
# they would draw on a hidden count). For every areas layer of FOLDER/gebiedscan.gpkg it takes
# n_<THEMA> (default total) and population, leaves out areas without inhabitants (spdep stops on
# them), builds queen neighbours with poly2nb on the rest, and compares EBest (method of moments)
# and EBlocal with eb_<THEMA> and ebl_<THEMA> (written per 1,000 to 4 decimals). Prints the
# largest difference per layer; exit 1 when one exceeds 0.5e-4 per 1,000.
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
invisible(set.ZeroPolicyOption(TRUE))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: scan_eb_check.R FOLDER [THEMA]")
gpkg <- file.path(args[1], "gebiedscan.gpkg")
theme <- if (length(args) > 1) args[2] else "total"
layers <- st_layers(gpkg)$name
layers <- layers[layers == "areas" | startsWith(layers, "areas_")]
worst <- 0
for (layer in layers) {
  a <- st_read(gpkg, layer = layer, quiet = TRUE)
  n <- a[[paste0("n_", theme)]]
  eb <- a[[paste0("eb_", theme)]]
  ebl <- a[[paste0("ebl_", theme)]]
  used <- !is.na(a$population) & a$population > 0 & !is.na(n)
  if (sum(used) < 3) next
  nb <- poly2nb(st_geometry(a)[used], queen = TRUE)
  g <- EBest(n[used], a$population[used])$estmm * 1000
  l <- EBlocal(n[used], a$population[used], nb)$est * 1000
  dg <- max(abs(g - eb[used]), na.rm = TRUE)
  dl <- max(abs(l - ebl[used]), na.rm = TRUE)
  cat(sprintf("%s: %d areas (%d with inhabitants), largest difference eb_%s %.2g, ebl_%s %.2g per 1,000 (%d and %d compared)\n",
              layer, nrow(a), sum(used), theme, dg, theme, dl, sum(!is.na(eb[used])), sum(!is.na(ebl[used]))))
  worst <- max(worst, dg, dl)
}
quit(status = if (worst > 0.5e-4 + 1e-9) 1 else 0)
