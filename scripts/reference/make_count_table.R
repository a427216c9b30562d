#!/usr/bin/env Rscript
# A CBS 47018NED-style long table per buurt (keys padded as CBS pads them, periods 2023JJ00, one
# value '.' missing, a BU00000000 "onbekend" row) counted from a make_bvh_extract.R extract, for
# checking `gebiedscan scan --counts` against the points scan and an independent sum (issue 12):
#   Rscript scripts/reference/make_count_table.R EXTRACT.csv BUURTEN OUT.csv YEAR_TOTALS.csv
# Rules as gebiedscan documents them: a record belongs to the year its interval starts in, one whose
# end lies before its begin is dropped; police incident codes map to their 47018NED category
# through data/model/soort-misdrijf-codes.csv (a code listed twice, F614, to the first); codes not
# in that list are dropped (a CBS table has none). YEAR_TOTALS: the sum per buurt of 2023.
suppressPackageStartupMessages(library(sf))
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) >= 4)
root <- normalizePath(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "../.."))
x <- read.csv(args[1], sep = ";", colClasses = "character", check.names = FALSE, encoding = "UTF-8")
toTime <- function(s) {
    s <- ifelse(nchar(s) == 14 & substr(s, 13, 14) == "60", paste0(substr(s, 1, 12), "59"), s)
    s <- ifelse(nchar(s) == 8, paste0(s, "000000"), s)
    as.POSIXct(s, format = "%Y%m%d%H%M%S", tz = "UTC")
}
begin <- toTime(x$begindatum)
end <- toTime(x$einddatum)
keep <- !is.na(begin) & (is.na(end) | as.numeric(end) >= as.numeric(begin))
x <- x[keep, ]
x$jaar <- format(begin[keep], "%Y")
codes <- read.csv(file.path(root, "data/model/soort-misdrijf-codes.csv"), stringsAsFactors = FALSE)
map <- do.call(rbind, lapply(seq_len(nrow(codes)), function(i) {
    ic <- strsplit(codes$incident_codes[i], ";")[[1]]
    if (length(ic)) data.frame(incidentcode = ic, soort = codes$code[i]) else NULL
}))
map <- map[!duplicated(map$incidentcode), ]
x <- merge(x, map, by = "incidentcode")
pts <- st_as_sf(x, coords = c("X-coördinaat", "Y-coördinaat"), crs = 28992)
b <- st_transform(st_read(args[2], quiet = TRUE), 28992)
w <- vapply(st_within(pts, b), function(i) if (length(i)) i[1] else NA_integer_, integer(1))
pts$buurtcode <- b$buurtcode[w]
pts <- st_drop_geometry(pts)[!is.na(w), ]
t <- aggregate(list(aantal = rep(1, nrow(pts))),
               by = list(WijkenEnBuurten = pts$buurtcode, SoortMisdrijf = pts$soort, jaar = pts$jaar), FUN = sum)
t$WijkenEnBuurten <- sprintf("%-10s", t$WijkenEnBuurten)
t$Perioden <- paste0(t$jaar, "JJ00")
t <- t[, c("WijkenEnBuurten", "SoortMisdrijf", "Perioden", "aantal")]
t <- rbind(t, data.frame(WijkenEnBuurten = "BU00000000", SoortMisdrijf = "1.2.3", Perioden = "2023JJ00", aantal = 7),
           data.frame(WijkenEnBuurten = sprintf("%-10s", b$buurtcode[1]), SoortMisdrijf = "1.1.1",
                      Perioden = "2019JJ00", aantal = "."))
write.table(t, args[3], sep = ";", row.names = FALSE, quote = FALSE)
y23 <- t[t$Perioden == "2023JJ00" & t$WijkenEnBuurten != "BU00000000", ]
r <- aggregate(list(n = as.numeric(y23$aantal)), by = list(code = trimws(y23$WijkenEnBuurten)), FUN = sum)
write.csv(r, args[4], row.names = FALSE)
cat(nrow(t), "rows;", sum(r$n), "registrations in 2023 in", nrow(r), "buurten\n")
