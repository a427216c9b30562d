# The global Knox test of the 522 Chicago arsons of 2016 (../nearrepeat/chicago_arson.csv, US
# feet, dates) by R surveillance::knox (Meyer et al. 2016; Debian r-cran-surveillance), the
# independent reference of core's knoxTest: "close" is <= in both, Euclidean distance in feet,
# whole days; the Poisson approximation E = S T / N. Its Poisson p-value (1.20.3) is
# ppois(x, E, lower.tail = FALSE) = P(X > x), one count beyond the observed; the classic one-sided
# p, which knoxTest gives, is P(X >= x) = ppois(x - 1, E, lower.tail = FALSE): both are written.
# Writes chicago_arson_knox.csv: one row per (eps.s, eps.t) with x, E (null.value), P(X >= x),
# surveillance's p, S, T, N.
#   Rscript --vanilla tests/reference/knox/knox_surveillance.R   (from the repository root)
suppressMessages(library(surveillance))
here <- "tests/reference/knox"
a <- read.csv("tests/reference/nearrepeat/chicago_arson.csv", header = FALSE, col.names = c("x", "y", "date"))
day <- as.numeric(as.Date(a$date))
dt <- c(dist(day))
ds <- c(dist(cbind(a$x, a$y)))
rows <- NULL
for (eps.s in c(200, 500, 1000)) {
  for (eps.t in c(1, 7, 30)) {
    k <- knox(dt, ds, eps.t = eps.t, eps.s = eps.s, simulate.p.value = FALSE)
    rows <- rbind(rows, data.frame(
      distance = eps.s, days = eps.t, statistic = unname(k$statistic), expected = unname(k$null.value),
      p_at_least = ppois(k$statistic - 1, k$null.value, lower.tail = FALSE),
      p_surveillance = k$p.value, close_in_space = sum(ds <= eps.s), close_in_time = sum(dt <= eps.t),
      pairs = length(dt)))
  }
}
write.csv(rows, file.path(here, "chicago_arson_knox.csv"), row.names = FALSE)
print(rows, digits = 17)
