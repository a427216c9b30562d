# R's exact binomial test (Loader's dbinom summed by pbinom) for large counts, the reference of
# tests/core/count_test_test.cpp's BinomialOfLargeCountsAgreesWithR.
#   Rscript scripts/reference/binom_test_large.R
cases <- list(c(12345, 40000, 0.3), c(2950, 10000, 0.3), c(50, 2000000, 0.00003), c(30000, 50000, 0.58),
              c(9000, 30000, 0.3), c(200000, 800000, 0.25))
for (k in cases) cat(sprintf("binom.test(%d, %d, %g)$p.value = %.17g\n", k[1], k[2], k[3],
                             binom.test(k[1], k[2], k[3])$p.value))
