#!/usr/bin/env python3
"""An intruder over a gebiedscan scan folder, written apart from `gebiedscan audit` (issue 13).

Knows only the published files: gebiedscan.gpkg (read as the SQLite file it is) and summary.json,
and the model's thresholds. Rebuilds the sums a reader can form (themes + overig = total,
categories = theme, children = parent, per period) and narrows every unknown count by interval
propagation over those sums (each relation solved for each of its cells, repeated until nothing
moves; a different method from the audit's LP, so it checks the audit rather than repeating it).
A hidden cell passes when its interval still holds all of 1 .. T-1 (docs/disclosure-control.md).
Then checks derived figures beside hidden counts, Gi*/LISA numbers, recomputes the Empirical
Bayes columns from the published table, and, for a rounded folder, that every rate follows from
the rounded count.

A nearrepeat folder (nearrepeat.csv) is read as the Knox table: rows and columns add up to the
totals summary.json publishes (pairs_per_distance_class, pairs_per_time_class) or the expected
counts give (permuting dates keeps every pair's distance and gap), and all cells to n(n-1)/2
pairs (summary.json); the same propagation narrows its hidden cells. A facilities folder
(facilities.gpkg): themes = n_total per facility, and every extern rank must follow from the
published totals (a rank over all totals orders the hidden ones).

    scripts/intruder.py FOLDER [MODEL.toml]

Prints a summary line and every cell it narrows below its protection; exit 1 when it found any.
"""
import json
import math
import os
import sqlite3
import sys
import tomllib
from collections import defaultdict

folder = sys.argv[1]
model_file = sys.argv[2] if len(sys.argv) > 2 else __file__.rsplit("/", 2)[0] + "/data/model/default_model.toml"
with open(model_file, "rb") as f:
    model = tomllib.load(f)
default_t = model["model"].get("suppress_below", 5)
theme_t = {t["number"]: t.get("suppress_below", default_t) for t in model.get("theme", [])}

def propagate(relations, lo, hi):
    """Interval propagation: a*x_i = -sum_j a_j x_j, with whole numbers. Returns the sweeps."""
    changed, sweeps = True, 0
    while changed and sweeps < 200:
        changed, sweeps = False, sweeps + 1
        for rel in relations:
            for i, (ai, ki) in enumerate(rel):
                smin = smax = 0.0
                for j, (aj, kj) in enumerate(rel):
                    if j == i:
                        continue
                    a, b = aj * lo[kj], aj * hi[kj]
                    if aj < 0:
                        a, b = b, a
                    smin += a
                    smax += b
                # ai * x = -s  ->  x in [-smax/ai, -smin/ai] for ai > 0
                nlo, nhi = (-smax / ai, -smin / ai) if ai > 0 else (-smin / ai, -smax / ai)
                nlo = math.ceil(nlo - 1e-9) if math.isfinite(nlo) else nlo
                nhi = math.floor(nhi + 1e-9) if math.isfinite(nhi) else nhi
                if nlo > lo[ki]:
                    lo[ki], changed = nlo, True
                if nhi < hi[ki]:
                    hi[ki], changed = nhi, True
                if lo[ki] > hi[ki]:
                    print(f"tegenstrijdig: {ki} [{lo[ki]}, {hi[ki]}]")
                    return sweeps
    return sweeps


def knox_folder(folder, default_t, theme_t_by_id):
    """The Knox table of a nearrepeat folder; exit 1 when a hidden cell is narrowed."""
    import csv

    summary = {}
    if os.path.exists(folder + "/summary.json"):
        with open(folder + "/summary.json", encoding="utf-8") as f:
            summary = json.load(f)
    t = theme_t_by_id.get(summary.get("theme"), default_t)
    with open(folder + "/nearrepeat.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    ncol = sum(1 for r in rows if (r["dist_from"], r["dist_to"]) == (rows[0]["dist_from"], rows[0]["dist_to"]))
    nrow = len(rows) // ncol

    def number(text):
        try:
            return float(text)
        except ValueError:
            return None

    obs = [None if number(r["observed"]) is None else int(number(r["observed"])) for r in rows]
    exp = [number(r["expected"]) for r in rows]
    found = []
    for i, r in enumerate(rows):
        if obs[i] is None and (number(r.get("ratio", "")) is not None or number(r.get("p", "")) is not None):
            found.append(f"cel {i // ncol},{i % ncol}: ratio of p naast een geheim aantal")
        if obs[i] is not None and 1 <= obs[i] <= t - 1 and summary.get("audience") != "intern":
            found.append(f"cel {i // ncol},{i % ncol}: klein aantal {obs[i]}")
    lo, hi = {}, {}
    for i, v in enumerate(obs):
        lo[("cel", i)], hi[("cel", i)] = (0, INF) if v is None else (v, v)

    def margin(key, idx, published):
        e = [exp[i] for i in idx]
        if published is not None:
            lo[key], hi[key] = published, published
        else:
            lo[key], hi[key] = (0, INF) if None in e else (round(sum(e)), round(sum(e)))

    row_totals = summary.get("pairs_per_distance_class") or [None] * nrow
    column_totals = summary.get("pairs_per_time_class") or [None] * ncol

    relations = []
    for d in range(nrow):
        margin(("rij", d), [d * ncol + c for c in range(ncol)], row_totals[d])
        relations.append([(-1, ("rij", d))] + [(1, ("cel", d * ncol + c)) for c in range(ncol)])
    for c in range(ncol):
        margin(("kolom", c), [d * ncol + c for d in range(nrow)], column_totals[c])
        relations.append([(-1, ("kolom", c))] + [(1, ("cel", d * ncol + c)) for d in range(nrow)])
    pairs = summary.get("pairs")
    lo["alle"], hi["alle"] = (pairs, pairs) if pairs is not None else (0, INF)
    relations.append([(-1, "alle")] + [(1, ("rij", d)) for d in range(nrow)])
    relations.append([(-1, "alle")] + [(1, ("kolom", c)) for c in range(ncol)])
    hidden_before = [k for k in lo if lo[k] != hi[k]]
    sweeps = propagate(relations, lo, hi)
    for k in hidden_before:
        # The one rule (docs/disclosure-control.md): every hidden cell keeps all of 1 .. T-1.
        if not (lo[k] <= 1 and hi[k] >= t - 1):
            found.append(f"{k}: geheim, maar [{lo[k]}, {hi[k]}] (beschermd: 1 t/m {t - 1})")
    print(
        f"{folder}: Knox-tabel {nrow} x {ncol}, {sum(v is None for v in obs)} cellen geheim, "
        f"{len(relations)} optellingen, {sweeps} rondes; {len(found)} vondst(en)"
    )
    for line in found[:40]:
        print("  " + line)
    sys.exit(1 if found else 0)


def facility_folder(folder, default_t, theme_t_by_id):
    """facilities.gpkg: themes = n_total per facility, the one rule, and every extern rank from the
    published totals (1 + the larger published ones); exit 1 when anything is found."""
    db = sqlite3.connect(folder + "/facilities.gpkg")
    columns = [r[1] for r in db.execute('pragma table_info("facilities")')]
    themes = [c for c in columns if c.startswith("n_") and c not in ("n_total", "n_ring")]
    meta = " ".join(str(r[0]) for r in db.execute("select metadata from gpkg_metadata")) if any(
        r[0] == "gpkg_metadata" for r in db.execute("select name from sqlite_master")) else ""
    extern = '<MDI key="publiek">intern</MDI>' not in meta
    rows = list(db.execute(f'select n_total, {", ".join(themes) or "NULL"}, '
                           f'{"rank" if "rank" in columns else "NULL"} from facilities'))
    lo, hi, relations, found = {}, {}, [], []
    thresholds = {}
    for i, r in enumerate(rows):
        total, counts, rank = r[0], r[1:1 + len(themes)], r[-1]
        keys = [("totaal", i)] + [(t, i) for t in themes]
        for k, v, th in zip(keys, (total,) + tuple(counts), [default_t] + [theme_t_by_id.get(t[2:], default_t) for t in themes]):
            thresholds[k] = th
            lo[k], hi[k] = (0, INF) if v is None else (v, v)
            if v is not None and extern and 1 <= v <= th - 1:
                found.append(f"{k}: klein aantal {v}")
        if themes:
            relations.append([(-1, keys[0])] + [(1, k) for k in keys[1:]])
        if total is None and rank is not None:
            found.append(f"voorziening {i + 1}: rang naast een geheim totaal")
    if extern:
        published = [r[0] for r in rows if r[0] is not None]
        for i, r in enumerate(rows):
            if r[0] is not None and r[-1] is not None and r[-1] != 1 + sum(v > r[0] for v in published):
                found.append(f"voorziening {i + 1}: rang {r[-1]} volgt niet uit de gepubliceerde totalen")
    hidden_before = [k for k in lo if lo[k] != hi[k]]
    sweeps = propagate(relations, lo, hi)
    for k in hidden_before:
        if not (lo[k] <= 1 and hi[k] >= thresholds[k] - 1):
            found.append(f"{k}: geheim, maar [{lo[k]}, {hi[k]}] (beschermd: 1 t/m {thresholds[k] - 1})")
    print(f"{folder}: {len(rows)} voorzieningen, {len(hidden_before)} aantallen geheim, {len(relations)} optellingen, "
          f"{sweeps} rondes; {len(found)} vondst(en)")
    for line in found[:40]:
        print("  " + line)
    sys.exit(1 if found else 0)


INF = math.inf
if os.path.exists(folder + "/nearrepeat.csv"):
    knox_folder(folder, default_t, {t["id"]: t.get("suppress_below", default_t) for t in model.get("theme", [])})
if os.path.exists(folder + "/facilities.gpkg"):
    facility_folder(folder, default_t, {t["id"]: t.get("suppress_below", default_t) for t in model.get("theme", [])})

with open(folder + "/summary.json", encoding="utf-8") as f:
    summary = json.load(f)
periods = [p["id"] for p in summary["periods"]]
current = next(p["id"] for p in summary["periods"] if p["role"] == "current")
sup = summary.get("suppression", {})
rounded = sup.get("method") == "afronden"
base = sup.get("rounding_base", 5)
controlled = sup.get("rounding_controlled", False)
themes = summary["themes"]

db = sqlite3.connect(folder + "/gebiedscan.gpkg")
layers = [r[0] for r in db.execute("select table_name from gpkg_contents")]
area_layers = [n for n in layers if n == "areas" or n.startswith("areas_")]

areas = {}  # (level, code) -> parent code
for layer in area_layers:
    for code, level, parent in db.execute(f'select code, level, parent_code from "{layer}"'):
        areas[(level, code)] = parent
by_code = {code: level for (level, code) in areas}

# Cells: (level, area, slot, category, period) -> value or None (hidden). Slot: theme number,
# '#total' or '#overig'. Missing rows of the sparse figures table are zeros.
cells = {}
cats = defaultdict(set)
for level, area, number, theme, cat, period, count in db.execute(
    "select level, area_code, theme_number, theme, category, period, count from figures"
):
    slot = number if number else ("#total" if theme == "Totaal" else "#overig")
    cat = cat or ""
    if cat:
        cats[slot].add(cat)
    cells[(level, area, slot, cat, period)] = count
slots = ["#total"] + [t["number"] for t in themes] + ["#overig"]
for (level, code) in areas:
    for p in periods:
        for s in slots:
            for c in [""] + sorted(cats[s]):
                cells.setdefault((level, code, s, c, p), 0)


def threshold(slot):
    return theme_t.get(slot, default_t)


lo, hi, prior_width = {}, {}, {}
for k, v in cells.items():
    if v is None:
        lo[k], hi[k] = 0, INF
    elif rounded:
        spread_down, spread_up = (base - 1, base - 1) if controlled else (base // 2, (base - 1) // 2)
        lo[k], hi[k] = max(0, v - spread_down), v + spread_up
        prior_width[k] = hi[k] - lo[k]
    else:
        lo[k] = hi[k] = v

relations = []  # lists of (coefficient, key)
children = defaultdict(list)
for (level, code), parent in areas.items():
    if parent and parent in by_code:
        children[(by_code[parent], parent)].append((level, code))
for (level, code) in areas:
    for p in periods:
        relations.append([(-1, (level, code, "#total", "", p))] + [(1, (level, code, s, "", p)) for s in slots[1:]])
        for s in slots[1:]:
            if cats[s]:
                relations.append(
                    [(-1, (level, code, s, "", p))] + [(1, (level, code, s, c, p)) for c in sorted(cats[s])]
                )
for (plevel, pcode), kids in children.items():
    for p in periods:
        for s in slots:
            for c in [""] + sorted(cats[s]):
                relations.append([(-1, (plevel, pcode, s, c, p))] + [(1, (kl, kc, s, c, p)) for kl, kc in kids])

# Hour-of-week rows an extern folder publishes (summary.json suppression.hot_times.levels, theme
# total): the 168 hours of an area add up to its total of the current period. Any other hourly
# value outside the police is a finding of its own.
hot_sup = sup.get("hot_times") if isinstance(sup.get("hot_times"), dict) else {}
hot_levels = set(hot_sup.get("levels", [])) if summary.get("audience") != "intern" and not rounded else set()
days = ["ma", "di", "wo", "do", "vr", "za", "zo"]
hour_found, hour_rows, weeks = [], 0, defaultdict(dict)
if "hot_times" in layers and summary.get("audience") != "intern":
    hcols = ", ".join(f"h{h:02}" for h in range(24))
    for level, code, theme, day, *hours in db.execute(f"select level, area_code, theme, day, {hcols} from hot_times"):
        hour_rows += 1
        if level not in hot_levels or theme != "total" or day not in days:
            if any(v is not None for v in hours):
                hour_found.append(f"hot_times {level} {code} {theme} {day}: uurwaarden buiten de vrijgegeven rijen")
            continue
        for h, v in enumerate(hours):
            if v is not None and (v != int(v) or v < 0):
                hour_found.append(f"hot_times {level} {code} {day}: uurwaarde {v} is geen heel aantal")
            weeks[(level, code)][days.index(day) * 24 + h] = v
for (level, code), week in weeks.items():
    total = (level, code, "#total", "", current)
    if len(week) != 168 or total not in cells:
        continue
    rel = [(-1, total)]
    for h, v in week.items():
        k = (level, code, "#total", f"uur {h}", current)
        cells[k] = v
        lo[k], hi[k] = (0, INF) if v is None else (int(v), int(v))
        if v is not None and 1 <= v <= threshold("#total") - 1:
            hour_found.append(f"{k}: klein aantal {v} gepubliceerd")
        rel.append((1, k))
    relations.append(rel)

sweeps = propagate(relations, lo, hi)

found = list(hour_found)
hidden = [k for k, v in cells.items() if v is None]
for k in hidden:
    # The rule of docs/disclosure-control.md, the audit's too: every hidden cell (a reader cannot
    # tell primary from secondary) keeps all of 1 .. T-1 in its feasible interval. Propagation
    # gives an interval at least as wide as the audit's exact one, and the rule is monotone, so a
    # finding here is a finding of the audit as well.
    top = threshold(k[2]) - 1
    if top >= 1 and not (lo[k] <= 1 and hi[k] >= top):
        found.append(f"{k}: geheim, maar [{lo[k]}, {hi[k]}] (beschermd: 1 t/m {top})")
if rounded:
    for k, v in cells.items():
        if v is None:
            continue
        if v % base:
            found.append(f"{k}: {v} geen veelvoud van {base}")
        # Protected while at least `base` values remain, or nothing is learnt beyond the rounding.
        if hi[k] - lo[k] < min(base - 1, prior_width[k]):
            found.append(f"{k}: afgerond {v}, maar [{lo[k]}, {hi[k]}]")

# Empirical Bayes columns (eb_, ebl_, klein_) are inverted: recomputed from the published table
# (a hidden count as T/2, the published population, queen contiguity of the layer's own polygons,
# vertices matched to 1 cm), as the scan computes them outside the police. Equal: they tell
# nothing beyond the counts. Different: computed from the true counts, whose prior mean and
# variance give the sum and sum of squares of the hidden counts.
def polygon_vertices(blob):
    """Vertex keys (1 cm grid) of a GeoPackage polygon/multipolygon geometry blob."""
    import struct

    if blob is None or blob[:2] != b"GP":
        return set()
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb, pos, keys = blob[8 + envelope :], 0, set()

    def read_geometry():
        nonlocal pos
        order = "<" if wkb[pos] == 1 else ">"
        (kind,) = struct.unpack_from(order + "I", wkb, pos + 1)
        pos += 5
        dims = 3 if kind // 1000 in (1, 2) else 4 if kind // 1000 == 3 else 2
        kind %= 1000
        if kind == 3:
            (rings,) = struct.unpack_from(order + "I", wkb, pos)
            pos += 4
            for _ in range(rings):
                (n,) = struct.unpack_from(order + "I", wkb, pos)
                pos += 4
                for _ in range(n):
                    x, y = struct.unpack_from(order + "dd", wkb, pos)
                    pos += 8 * dims
                    keys.add((round(x * 100), round(y * 100)))
        elif kind == 6:
            (parts,) = struct.unpack_from(order + "I", wkb, pos)
            pos += 4
            for _ in range(parts):
                read_geometry()

    read_geometry()
    return keys


def empirical_bayes(x, pop, neighbours):
    """spdep EBest (global) and EBlocal (geoda = FALSE) and the small-area flag, as the scan."""
    n = len(x)
    risk = [pop[i] is not None and pop[i] > 0 for i in range(n)]
    raw = [x[i] / pop[i] if risk[i] else None for i in range(n)]
    cs = sum(x[i] for i in range(n) if risk[i])
    ps = sum(pop[i] for i in range(n) if risk[i])
    used = sum(risk)

    def shrink(r, m, a, p):
        d = a + m / p
        return m if not d > 0 else m + (r - m) * a / d

    g, loc, small = [None] * n, [None] * n, [1] * n
    if used:
        b = cs / ps
        s2 = sum(pop[i] * ((raw[i] - b) ** 2 / ps) for i in range(n) if risk[i])
        a = max(0.0, s2 - b / (ps / used))
        for i in range(n):
            if risk[i]:
                g[i] = shrink(raw[i], b, a, pop[i])
                small[i] = 1 if pop[i] < 50 or b * pop[i] < 5 else 0
        window = [[i] + [j for j in neighbours[i] if j != i and risk[j]] if risk[i] else [] for i in range(n)]
        m = [sum(x[j] for j in w) / sum(pop[j] for j in w) if w else None for w in window]
        for i in range(n):
            if not risk[i]:
                continue
            w = window[i]
            wp = sum(pop[j] for j in w)
            spread = sum(pop[j] * (raw[j] - m[j]) ** 2 for j in w)
            loc[i] = shrink(raw[i], m[i], max(0.0, spread / wp - m[i] / (wp / len(w))), pop[i])
    return g, loc, small


def check_empirical_bayes(layer, columns):
    geom = db.execute("select column_name from gpkg_geometry_columns where table_name = ?", (layer,)).fetchone()
    rows = db.execute(f'select * from "{layer}"').fetchall()
    blobs = [b for (b,) in db.execute(f'select "{geom[0]}" from "{layer}"')] if geom else [None] * len(rows)
    owners = defaultdict(set)
    for i, blob in enumerate(blobs):
        for k in polygon_vertices(blob):
            owners[k].add(i)
    neighbours = [set() for _ in rows]
    for ids in owners.values():
        for i in ids:
            neighbours[i] |= ids - {i}
    recs = [dict(zip(columns, row)) for row in rows]
    for sid, slot in slot_of_id.items():
        if not any(c in columns for c in ("eb_" + sid, "ebl_" + sid, "klein_" + sid)):
            continue
        x, pop = [], []
        for r in recs:
            v = r.get("n_" + sid)
            x.append(threshold(slot) / 2 if v is None else v)
            pop.append(r.get("population"))
        g, loc, small = empirical_bayes(x, pop, neighbours)
        for stem, expected, per in (("eb_", g, 1000), ("ebl_", loc, 1000), ("klein_", small, 1)):
            differ = 0
            for i, r in enumerate(recs):
                v = r.get(stem + sid)
                if v is None:
                    continue
                e = expected[i]
                if e is None or abs(v - e * per) > 0.6e-4:
                    differ += 1
                    if differ == 1:
                        example = f"{r['code']}: {v} gepubliceerd, {None if e is None else e * per} beschermd"
            if differ:
                found.append(f"{layer}.{stem}{sid}: {differ} waarde(n) niet uit de beschermde tabel ({example})")


# Derived figures, Gi*/LISA numbers, rates.
derived_stems = ["exp_", "chg_", "p_", "sig_", "eb_", "ebl_", "klein_", "rank_", "trend_"]
slot_of_id = {"total": "#total", "overig": "#overig"} | {t["id"]: t["number"] for t in themes}
for layer in area_layers + [n for n in layers if n == "hotspots"]:
    columns = [r[1] for r in db.execute(f'pragma table_info("{layer}")')]
    for c in columns:
        if c.startswith(("gi_z", "gi_p", "lisa_i", "lisa_p", "lisa_z")):
            n = db.execute(f'select count(*) from "{layer}" where "{c}" is not null').fetchone()[0]
            if n:
                found.append(f"{layer}.{c}: {n} Gi*/LISA-getallen (terug te rekenen)")
    if layer == "hotspots":
        continue
    if summary.get("audience") != "intern":
        check_empirical_bayes(layer, columns)
    rows = db.execute(f'select * from "{layer}"').fetchall()
    for row in rows:
        r = dict(zip(columns, row))
        for sid, slot in slot_of_id.items():
            count = r.get("n_" + sid, 0)
            stems = derived_stems + ["rate_"] if count is None else ["exp_", "chg_", "p_", "sig_", "rank_", "trend_", "rate_"] if rounded else []
            for stem in stems:
                v = r.get(stem + sid)
                if v is None:
                    continue
                if rounded and stem == "rate_" and r.get("population"):
                    if abs(v - count * 1000 / r["population"]) <= 0.0051:
                        continue
                found.append(f"{layer} {r['code']}: {stem}{sid} = {v} naast {'geheim' if count is None else count}")
            if (count is None or rounded) and r.get("peak_total") and sid == "total":
                found.append(f"{layer} {r['code']}: drukste uur naast {count}")
hot = hour_rows

print(
    f"{folder}: {'afgerond' if rounded else 'onderdrukt'}; {len(cells)} cellen, {len(hidden)} geheim "
    f"(summary: {sup.get('primary_cells')} primair + {sup.get('secondary_cells')} secundair), {len(relations)} "
    f"optellingen, {sweeps} rondes; {len(found)} vondst(en); {hot} uur-rijen ({len(weeks)} weken vrijgegeven)"
)
for line in found[:40]:
    print("  " + line)
sys.exit(1 if found else 0)
