# Reference values for tests/core/emerging_hotspots_test.cpp.
# 1. Space-time Gi*: a 3 x 3 grid (queen contiguity) x 5 steps with time lag k = 1, so bin
#    (i, t) has as neighbours the bins of i and its queen neighbours at steps t-1 and t.
#    Computed with spdep::localG on the space-time neighbour list with include.self() and
#    binary weights, i.e. Getis-Ord Gi* with mean and variance over the whole cube.
# 2. Mann-Kendall with ties: base R cor.test(kendall, exact = FALSE, continuity = TRUE).
# Run: Rscript data/reference/ehsa/gistar_mannkendall.R   (prints C++ literals)
suppressMessages(library(spdep))
L <- 9; Tn <- 5; k <- 1
set.seed(42)
x <- rpois(L * Tn, 3)            # location-major: id = (i - 1) * Tn + t
snb <- cell2nb(3, 3, type = "queen")
nb <- vector("list", L * Tn)
for (i in 1:L) for (t in 1:Tn) {
  id <- (i - 1) * Tn + t
  js <- c(i, snb[[i]])
  ids <- c()
  for (j in js) for (s in max(1, t - k):t) ids <- c(ids, (j - 1) * Tn + s)
  nb[[id]] <- sort(as.integer(setdiff(ids, id)))
}
class(nb) <- "nb"
attr(nb, "region.id") <- as.character(1:(L * Tn))
nbs <- include.self(nb)
z <- as.numeric(localG(x, nb2listw(nbs, style = "B")))
fmt <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
cat("// cell2nb(3, 3, queen) neighbours, 0-based:\n")
for (i in 1:L) cat(sprintf("{%s},\n", paste(snb[[i]] - 1, collapse = ", ")))
cat("const std::vector<double> values{", fmt(x), "};\n")
cat("const std::vector<double> expectedZ{", fmt(z), "};\n")

s <- c(3, 5, 5, 2, 7, 8, 8, 8, 6, 9, 10, 4, 11)
ct <- cor.test(s, seq_along(s), method = "kendall", exact = FALSE, continuity = TRUE)
cat("// Mann-Kendall of {", fmt(s), "}\n")
cat(sprintf("z = %.17g, p = %.17g, tau = %.17g\n", ct$statistic, ct$p.value, ct$estimate))
d <- c(10, 9, 9, 7, 7, 7, 4, 3, 1)
ct <- cor.test(d, seq_along(d), method = "kendall", exact = FALSE, continuity = TRUE)
cat("// Mann-Kendall of {", fmt(d), "}\n")
cat(sprintf("z = %.17g, p = %.17g, tau = %.17g\n", ct$statistic, ct$p.value, ct$estimate))
