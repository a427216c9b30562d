#!/usr/bin/env Rscript
# Independent count of registrations per buurt for one year, to check `gebiedscan scan`:
#   Rscript scripts/reference/count_per_buurt.R EXTRACT.csv BUURTEN YEAR OUT.csv [IDS.csv]
# EXTRACT: ';'-separated, RD New coordinates in 'X-coördinaat'/'Y-coördinaat', compact begin
# dates in 'begindatum' (yyyymmdd[hhmm[ss]]), optional 'einddatum'. BUURTEN: any CRS sf reads.
# The rules gebiedscan documents: a record belongs to the year its interval starts in; one whose
# end lies before its begin is not counted; every category counts (overig included).
# AREA_CODE_FIELD names the areas' code field (default buurtcode; statcode for CBS gemeenten).
suppressPackageStartupMessages(library(sf))
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) >= 4)
x <- read.csv(args[1], sep = ";", colClasses = "character", check.names = FALSE, encoding = "UTF-8")
year <- as.integer(args[3])
toTime <- function(s) {
    s <- ifelse(nchar(s) == 14 & substr(s, 13, 14) == "60", paste0(substr(s, 1, 12), "59"), s)
    s <- ifelse(nchar(s) == 8, paste0(s, "000000"), s)
    as.POSIXct(s, format = "%Y%m%d%H%M%S", tz = "UTC")
}
begin <- toTime(x$begindatum)
end <- if ("einddatum" %in% names(x)) toTime(x$einddatum) else rep(NA, nrow(x))
# A date-only begin is the whole day: its end is the next midnight.
beginEnd <- ifelse(nchar(x$begindatum) == 8, as.numeric(begin) + 86400, as.numeric(begin))
keep <- !is.na(begin) & as.integer(format(begin, "%Y")) == year & (is.na(end) | as.numeric(end) >= as.numeric(begin))
pts <- st_as_sf(x[keep, ], coords = c("X-coördinaat", "Y-coördinaat"), crs = 28992)
buurten <- st_transform(st_read(args[2], quiet = TRUE), 28992)
buurten$buurtcode <- buurten[[Sys.getenv("AREA_CODE_FIELD", "buurtcode")]]
sf_use_s2(FALSE)
inside <- st_within(pts, buurten)
which1 <- vapply(inside, function(i) if (length(i)) i[1] else NA_integer_, integer(1))
counts <- table(factor(buurten$buurtcode[which1], levels = buurten$buurtcode))
out <- data.frame(buurtcode = names(counts), n = as.integer(counts))
write.csv(out, args[4], row.names = FALSE)
# IDS: the registrations counted, with their buurt (for aoristic_hour_of_week.py).
if (length(args) >= 5)
    write.csv(data.frame(registratienummer = pts$registratienummer[!is.na(which1)],
                         buurtcode = buurten$buurtcode[which1[!is.na(which1)]]), args[5], row.names = FALSE)
cat(sprintf("%d records of %d in buurten (%d outside), written to %s\n", sum(out$n), year, sum(is.na(which1)), args[4]))
