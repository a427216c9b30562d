# Reference values for tests/core/kernel_density_test.cpp (KernelDensity.SilvermanRadius).
# The spatial Silverman rule ArcGIS Kernel Density uses for its default search radius:
#   radius = 0.9 * min(SD, sqrt(1/ln 2) * Dm) * n^-0.2
# SD = standard distance from the (weighted) mean centre, Dm = (weighted) median distance,
# n = number of points, or the sum of the weights ("population field") when weighted.
# Weighted median: the smallest distance at which the cumulative weight reaches half the total.
# Run: Rscript data/reference/kde/silverman.R
x <- c(155010, 155230, 155480, 154900, 155700, 155120, 155050, 156010, 155333, 155600, 154870, 155250)
y <- c(463020, 463400, 462950, 463800, 463100, 463650, 462800, 463300, 463333, 463900, 463150, 463010)
w <- c(1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 1, 2)

silverman <- function(x, y, w) {
  mx <- sum(w * x) / sum(w); my <- sum(w * y) / sum(w)
  d <- sqrt((x - mx)^2 + (y - my)^2)
  sd <- sqrt(sum(w * d^2) / sum(w))
  if (all(w == 1)) {
    dm <- median(d)
  } else {
    o <- order(d); cw <- cumsum(w[o])
    dm <- d[o][which(cw >= sum(w) / 2)[1]]
  }
  n <- sum(w)
  c(radius = 0.9 * min(sd, sqrt(1 / log(2)) * dm) * n^-0.2, sd = sd, dm = dm, n = n)
}
options(digits = 17)
print(silverman(x, y, rep(1, length(x))))
print(silverman(x, y, w))
