#!/usr/bin/env python3
"""Independent aoristic hour-of-week table of a BVH-style extract, checked against gebiedscan.

    python3 scripts/reference/aoristic_hour_of_week.py EXTRACT.csv IDS.csv GEBIEDSCAN.gpkg

EXTRACT: ';'-separated with 'registratienummer', 'begindatum' and 'einddatum' as BVH writes them
(yyyymmdd or yyyymmddhhmmss, second 60 read as 59). IDS: the registrations counted in the current
period, as count_per_buurt.R writes them. Each registration's interval [begin, end) is spread over
the hours of the week in proportion to the time that really passed in each, in Dutch local time
(Europe/Amsterdam from the tz database, so the hour skipped in March gets nothing); a date
without time is the whole day, an instant goes whole into its hour, an interval of a week or
more is spread evenly over all 168 hours. The sum over the gemeenten of gebiedscan's table
(hot_times, theme 'total') must equal this table.
"""
import csv
import sqlite3
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def parse(text):
    if len(text) == 14 and text.endswith("60"):
        text = text[:12] + "59"
    if len(text) == 8:
        return datetime.strptime(text, "%Y%m%d"), True
    return datetime.strptime(text, "%Y%m%d%H%M%S"), False


def utc(local):
    return local.replace(tzinfo=AMS).astimezone(timezone.utc)  # fold=0: the first of a repeated hour


def hour_of_week(instant_utc):
    local = instant_utc.astimezone(AMS)
    return local.weekday() * 24 + local.hour


def main(extract, ids, gpkg):
    counted = {row["registratienummer"] for row in csv.DictReader(open(ids))}
    table = [0.0] * 168
    for row in csv.DictReader(open(extract, encoding="utf-8"), delimiter=";"):
        if row["registratienummer"] not in counted:
            continue
        begin, date_only = parse(row["begindatum"])
        end = begin + timedelta(days=1) if date_only else begin
        if row["einddatum"]:
            e, e_date_only = parse(row["einddatum"])
            end = max(end, e + timedelta(days=1) if e_date_only else e)
        start_utc, end_utc = utc(begin), utc(end)
        length = (end_utc - start_utc).total_seconds()
        if length <= 0:
            table[hour_of_week(start_utc)] += 1.0
        elif length >= 7 * 86400:
            for h in range(168):
                table[h] += 1.0 / 168
        else:
            t = start_utc
            while t < end_utc:
                nxt = min(t.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1), end_utc)
                table[hour_of_week(t)] += (nxt - t).total_seconds() / length
                t = nxt
    db = sqlite3.connect(gpkg)
    hours = ", ".join(f'"h{h:02d}"' for h in range(24))
    theirs = [0.0] * 168
    for row in db.execute(f"select day, {hours} from hot_times where level = 'gemeente' and theme = 'total'"):
        d = DAYS.index(row[0])
        for h in range(24):
            theirs[d * 24 + h] += row[1 + h]
    worst = max(abs(a - b) for a, b in zip(table, theirs))
    print(f"{len(counted)} registrations; sum reference {sum(table):.6f}, gebiedscan {sum(theirs):.6f}; "
          f"largest difference per hour {worst:.2e}")
    return 0 if worst < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
