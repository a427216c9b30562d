# Times spatstat density.ppp and KernSmooth bkde2D on the same 1 million events and 1024 x 1024
# grid as bench/kde_bench, and compares their surfaces with ours (Gaussian, sigma 100 m).
# Run:
#   kde_bench --write /tmp/kde-compare        (writes points, grid and our surface)
#   Rscript bench/kde_compare.R /tmp/kde-compare
suppressMessages({ library(spatstat); library(KernSmooth) })
dir <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(dir)) dir <- "/tmp/kde-compare"
g <- scan(file.path(dir, "grid.txt"), quiet = TRUE)
minX <- g[1]; minY <- g[2]; cell <- g[3]; nx <- g[4]; ny <- g[5]
xy <- matrix(readBin(file.path(dir, "points_1m.f64"), "double", n = 2e6, endian = "little"),
             ncol = 2, byrow = TRUE)
n <- nrow(xy)
ours <- matrix(readBin(file.path(dir, "gaussian_1m.f64"), "double", n = nx * ny, endian = "little"),
               nrow = ny, byrow = TRUE)        # row 1 = north
ours <- ours[ny:1, ]                           # row 1 = south, as spatstat's im
oursSeconds <- scan(file.path(dir, "gebiedscan_seconds.txt"), quiet = TRUE)
sigma <- 100

best <- function(f) min(sapply(1:3, function(i) system.time(f())[["elapsed"]]))

X <- ppp(xy[, 1], xy[, 2], window = owin(c(minX, minX + nx * cell), c(minY, minY + ny * cell)))
sp <- NULL
tSp <- best(function() sp <<- density.ppp(X, sigma = sigma, dimyx = c(ny, nx), edge = FALSE))
spv <- sp$v * 1e6                              # per m^2 -> per km^2

ks <- NULL
rx <- c(minX + cell / 2, minX + (nx - 0.5) * cell); ry <- c(minY + cell / 2, minY + (ny - 0.5) * cell)
tKs <- best(function() ks <<- bkde2D(xy, bandwidth = c(sigma, sigma), gridsize = c(nx, ny),
                                     range.x = list(rx, ry)))
ksv <- t(ks$fhat) * n * 1e6                    # density -> events per km^2, rows = y

cmp <- function(a, b) {
  m <- b > 0.01 * max(b)
  r <- abs(a[m] - b[m]) / b[m]
  sprintf("median rel. diff %.2e, 99%% %.2e, max %.2e over %d cells >= 1%% of max",
          median(r), quantile(r, 0.99), max(r), sum(m))
}
cat(sprintf("1M events, 1024 x 1024, Gaussian sigma %g m (best of 3, elapsed):\n", sigma))
cat(sprintf("  gebiedscan binned-fft   %6.3f s\n", oursSeconds))
cat(sprintf("  spatstat density.ppp    %6.3f s   (%.1fx ours)\n", tSp, tSp / oursSeconds))
cat(sprintf("  KernSmooth bkde2D       %6.3f s   (%.1fx ours)\n", tKs, tKs / oursSeconds))
cat("  ours vs spatstat:  ", cmp(ours, spv), "\n")
cat("  ours vs KernSmooth:", cmp(ours, ksv), "\n")
cat(sprintf("  integrals (events): ours %.0f, spatstat %.0f, KernSmooth %.0f\n",
            sum(ours) * cell^2 / 1e6, sum(spv) * cell^2 / 1e6, sum(ksv) * cell^2 / 1e6))
