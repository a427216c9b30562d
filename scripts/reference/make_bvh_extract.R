#!/usr/bin/env Rscript
# A synthetic police extract shaped like a BVH export (clearly synthetic: no real registration),
# for checking `gebiedscan scan` against an independent count (count_per_buurt.R).
#   Rscript scripts/reference/make_bvh_extract.R OUT.csv AREAS_WGS84.geojson
# Points are placed at random in the real CBS buurten of data/open/drenthe-buurten-2024.geojson,
# in proportion to their population. Fields as BVH writes them: police incident codes (A72 ...)
# and a few unknown ones, compact begin/end timestamps (yyyymmddhhmmss, some with second 60),
# date-only begin dates (yyyymmdd), some intervals ending before they begin, RD coordinates in
# 'X-coördinaat'/'Y-coördinaat', ';'-separated. The buurten are written in WGS84, another CRS
# than the points. Records whose number starts with BUITEN lie outside every buurt.
# Other areas (issue 12's trial: another source and CRS): AREAS=file (default the Drenthe
# buurten), AREA_POP_FIELD (default aantal_inwoners; absent: points in proportion to area) and
# AREAS_OUT_CRS (default 4326), e.g.
#   AREAS=data/open/nl-gemeenten-2023.geojson AREAS_OUT_CRS=3035 Rscript ... OUT.csv gem_3035.geojson
suppressPackageStartupMessages(library(sf))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "bvh_extract.csv"
areasOut <- if (length(args) >= 2) args[2] else "buurten_wgs84.geojson"
root <- normalizePath(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "../.."))
set.seed(20240612)

areasIn <- Sys.getenv("AREAS", file.path(root, "data/open/drenthe-buurten-2024.geojson"))
popField <- Sys.getenv("AREA_POP_FIELD", "aantal_inwoners")
outCrs <- as.integer(Sys.getenv("AREAS_OUT_CRS", "4326"))
buurten <- st_transform(st_read(areasIn, quiet = TRUE), 28992)
codes <- read.csv(file.path(root, "data/model/soort-misdrijf-codes.csv"), stringsAsFactors = FALSE)
incidentCodes <- unlist(strsplit(codes$incident_codes[codes$incident_codes != ""], ";"))
incidentCodes <- c(rep("A72", 30), rep("A20", 10), incidentCodes, "Z99", "X01") # bicycle theft most

n <- 4000
pop <- if (popField %in% names(buurten)) pmax(buurten[[popField]], 0, na.rm = TRUE) else as.numeric(st_area(buurten))
pop[is.na(pop)] <- 0
perBuurt <- as.vector(rmultinom(1, n, pop / sum(pop)))
pts <- st_sample(buurten, size = perBuurt, type = "random", exact = TRUE)
xy <- st_coordinates(pts)
# Five in Germany just east of Emmen, outside every buurt.
xy <- rbind(xy, cbind(X = 275000 + 1000 * (1:5), Y = 530000))
m <- nrow(xy)

# Begin: 2021-01-01 .. 2023-12-31 at a random minute, Dutch local time (no zone).
start <- as.POSIXct("2021-01-01", tz = "UTC") + floor(runif(m, 0, 3 * 365 * 86400) / 60) * 60
length <- floor(rexp(m, 1 / (6 * 3600)) / 60) * 60
end <- start + length
compact <- function(t) format(t, "%Y%m%d%H%M%S", tz = "UTC")
begin <- compact(start)
einde <- compact(end)
sixty <- runif(m) < 0.15 # BVH's second 60: "...173060" for 17:30:59
begin[sixty] <- paste0(substr(begin[sixty], 1, 12), "60")
dateOnly <- runif(m) < 0.1 # a date without time
begin[dateOnly] <- substr(begin[dateOnly], 1, 8)
einde[dateOnly] <- ""
reversed <- which(!dateOnly)[1:12] # end an hour before the begin
einde[reversed] <- compact(start[reversed] - 3600)
noEnd <- runif(m) < 0.2 & !dateOnly
noEnd[reversed] <- FALSE
einde[noEnd] <- ""

nummer <- sprintf("PL0100-2023%06d", seq_len(m))
nummer[(m - 4):m] <- sprintf("BUITEN%02d", 1:5)
extract <- data.frame(
    registratienummer = nummer,
    incidentcode = sample(incidentCodes, m, replace = TRUE),
    begindatum = begin,
    einddatum = einde,
    `X-coördinaat` = sprintf("%.0f", xy[, 1]),
    `Y-coördinaat` = sprintf("%.0f", xy[, 2]),
    check.names = FALSE)
write.table(extract, out, sep = ";", row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")
st_write(st_transform(buurten, outCrs), areasOut, quiet = TRUE, delete_dsn = TRUE)
cat(sprintf("%d records written to %s; buurten in WGS84 to %s\n", m, out, areasOut))
