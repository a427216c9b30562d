#!/usr/bin/env bash
# A small, rerunnable mutant run (issue 11, item 6). Not part of CI: it takes a few minutes.
#
# Each mutant below changes one token of the code. For each, the script applies it in a scratch
# copy of this tree (never in the tree it runs from), builds only the test binaries the mutant
# concerns (ccache keeps that cheap), runs the listed tests and records whether they noticed
# ("gedood") or not ("overleefd"). A mutant whose original text is not found exactly once is
# "niet toepasbaar" (the code moved or changed): update its line. At the end a table and the kill
# rate are printed; the exit code is 1 when a listed mutant survived, 2 when the unmutated tree
# does not build or its tests fail, 0 otherwise.
#
# Usage: scripts/mutants.sh [--check] [ID-PATTERN]
#   ID-PATTERN: a grep -E pattern, only mutants whose id matches; --check: only say, per mutant,
#   whether its original text is found exactly once in this tree (nothing is built).
# Environment: MUTANTS_DIR (scratch folder, default /tmp/gebiedscan-mutants), MUTANTS_JOBS
# (build parallelism, default 2), MUTANTS_TESTS (run these tests for every mutant instead of the
# listed ones, e.g. 'app:ScanSuppression.*', to see what one test alone kills).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${MUTANTS_DIR:-/tmp/gebiedscan-mutants}
JOBS=${MUTANTS_JOBS:-2}
CHECK=0
[[ ${1:-} == --check ]] && { CHECK=1; shift; }
PATTERN=${1:-}
SRC="$SCRATCH/src"
BUILD="$SRC/build/release"
# App tests that are slow or need a server or fault injection are left out of every run.
APP_SKIP='LargeCsv.*:FaultTest.*:Postgis*.*:DoneWhen.*'

# --- The mutants: one line each -----------------------------------------------------------------
# m ID FILE ORIGINAL MUTATED TESTS WHAT
#   ORIGINAL must occur exactly once in FILE; MUTATED replaces it.
#   TESTS: space-separated MODULE[:GTEST_FILTER] (MODULE = core, gis, pipeline, app).
IDS=() FILES=() ORIGS=() MUTS=() TESTS=() WHATS=()
m() { IDS+=("$1"); FILES+=("$2"); ORIGS+=("$3"); MUTS+=("$4"); TESTS+=("${MUTANTS_TESTS:-$5}"); WHATS+=("$6"); }

# The nine survivors listed in issue 11, item 6.
m perm-p-plus1 core/src/permutation_inference.cpp 'pValue = std::min(1.0, 2.0 * (m + 1.0) / rPlus1);' 'pValue = std::min(1.0, 2.0 * m / rPlus1);' core 'tweezijdige pseudo-p 2M/(R+1) in plaats van 2(M+1)/(R+1)'
m perm-ties core/src/permutation_inference.cpp 'ge[0] += sum0 >= observed0 - tol0 ? 1u : 0u;' 'ge[0] += sum0 > observed0 + tol0 ? 1u : 0u;' core 'gelijke permutaties tellen niet meer als even extreem'
m locator-sweep core/src/point_locator.cpp 'if (yc < e.loY || yc >= e.hiY) continue;' 'if (yc < e.loY || yc > e.hiY) continue;' core 'celeigenaar-sweep: hoekpunt op een celmidden-y telt twee keer'
m suppress-theme core/src/scan_figures.cpp 'if (v >= 1 && v < static_cast<std::uint64_t>(threshold(members[i]))) {' 'if (v >= 1 && v <= static_cast<std::uint64_t>(threshold(members[i]))) {' 'core app:ScanEndToEnd.SmallCounts*:ScanSuppression.*' 'thema-aantal precies op de drempel wordt geheim'
m suppress-total core/src/scan_figures.cpp 'if (total >= 1 && total < static_cast<std::uint64_t>(model.suppressBelow)) {' 'if (total >= 1 && total <= static_cast<std::uint64_t>(model.suppressBelow)) {' 'core app:ScanEndToEnd.SmallCounts*:ScanSuppression.*' 'totaal precies op de drempel wordt geheim'
m jenks-tie core/src/classification.cpp 'if (ssd[l][j] >= v + ssd[i4][j - 1]) {' 'if (ssd[l][j] > v + ssd[i4][j - 1]) {' core 'Jenks: bij gelijke som wint de kortste laatste klasse (classInt neemt de langste)'
m rate-theme pipeline/src/scan_writer.cpp 'auto rate = f.ratePer1000(level, a, s.slot);' 'auto rate = f.ratePer1000(level, a, f.totalSlot());' 'app:ScanThemeFigures.*' 'rate_<thema> geschreven uit het totaal'
m gi-z-theme pipeline/src/scan_writer.cpp 'row.emplace_back(res.gi.z[a]);' 'row.emplace_back(h.results[0].gi.z[a]);' 'app:ScanThemeFigures.*' 'gi_z_<thema> geschreven uit het totaal'
m parent-population core/src/area_hierarchy.cpp 'parent.population.emplace_back(0.0);' 'parent.population.emplace_back();' core 'bevolking van het bovenliggende gebied niet opgeteld (onbekend)'

# The scan writer: per-theme hotspot columns.
m gi-p-theme pipeline/src/scan_writer.cpp 'row.emplace_back(res.giClass.pAdjusted[a]);' 'row.emplace_back(h.results[0].giClass.pAdjusted[a]);' 'app:ScanThemeFigures.*' 'gi_p_<thema> geschreven uit het totaal'
m gi-bin-theme pipeline/src/scan_writer.cpp 'row.emplace_back(static_cast<std::int64_t>(res.giClass.bins[a]));' 'row.emplace_back(static_cast<std::int64_t>(h.results[0].giClass.bins[a]));' 'app:ScanThemeFigures.*' 'gi_bin_<thema> geschreven uit het totaal'
m scan-fdr pipeline/src/scan_job.cpp 'r.hotspotOptions.correction = PValueCorrection::FalseDiscoveryRate;' 'r.hotspotOptions.correction = PValueCorrection::None;' 'app:ScanThemeFigures.*' 'scan: Gi*-p zonder FDR-correctie'

# Core statistics.
m perm-ties-le core/src/permutation_inference.cpp 'le[0] += sum0 <= observed0 + tol0 ? 1u : 0u;' 'le[0] += sum0 < observed0 - tol0 ? 1u : 0u;' core 'gelijke permutaties tellen niet mee aan de onderkant'
m perm-direction core/src/permutation_inference.cpp 'if (stats[c].direction[i] < 0) std::swap(above, below);' 'if (stats[c].direction[i] > 0) std::swap(above, below);' core 'lokale Moran: richting van de permutatietoets omgedraaid'
m perm-greater core/src/permutation_inference.cpp 'm = above;' 'm = below;' core 'eenzijdige pseudo-p (greater) telt de verkeerde staart'
m binom-own-tail core/src/count_test.cpp 'return std::min(1.0, tailFrom(x, -1, n, p) + far);' 'return std::min(1.0, tailFrom(x, -1, n, p) - binomialPmf(x, n, p) + far);' core 'binomiaaltoets: x zelf niet in de eigen staart'
m binom-relerr core/src/count_test.cpp 'const double relErr = 1 + 1e-7;' 'const double relErr = 1 - 1e-7;' core 'binomiaaltoets: gelijke kansen aan de andere kant vallen weg (R: relErr)'
m binom-other-side core/src/count_test.cpp 'std::uint64_t lo = static_cast<std::uint64_t>(std::ceil(m)), hi = n + 1;' 'std::uint64_t lo = static_cast<std::uint64_t>(std::ceil(m)) + 1, hi = n + 1;' core 'binomiaaltoets: eerste uitkomst aan de andere kant van het gemiddelde overgeslagen'
m binom-tail-stop core/src/count_test.cpp 'term < total * (1.0 - ratio) * 1e-17' 'term < total * (1.0 - ratio) * 1e-9' core 'binomiaaltoets: staart te vroeg afgebroken'
m binom-stirling core/src/count_test.cpp '(1.0 / 1260 - (1.0 / 1680' '(1.0 / 1200 - (1.0 / 1680' core 'binomiaaltoets: Stirling-reeks met een verkeerde term'
m binom-deviance core/src/count_test.cpp 'const double next = sum + term / (2 * j + 1);' 'const double next = sum + term / (2 * j);' core 'binomiaaltoets: deviantiereeks met verkeerde noemers'
m poisson-exposure core/src/count_test.cpp 'return binomialTestTwoSided(current, n, currentExposure / (currentExposure + referenceExposure));' 'return binomialTestTwoSided(current, n, referenceExposure / (currentExposure + referenceExposure));' core 'Poisson-verhoudingstoets: blootstellingen verwisseld (alleen zichtbaar bij ongelijke periodes)'
m fdr-rank core/src/multiple_testing.cpp 'const double q = m / static_cast<double>(k + 1) * p[idx[k]];' 'const double q = m / static_cast<double>(k + 2) * p[idx[k]];' core 'FDR (BH): rang een te hoog'
m fdr-running core/src/multiple_testing.cpp 'running = std::min(running, q);' 'running = std::max(running, q);' core 'FDR (BH): niet monotoon gemaakt'
m fdr-excluded core/src/multiple_testing.cpp 'if (excluded.empty() || !excluded[i]) idx.push_back(i);' 'if (excluded.empty() || excluded[i]) idx.push_back(i);' core 'correctie telt de uitgesloten gebieden (eilanden) mee in plaats van de rest'
m gi-star-variance core/src/local_statistics.cpp 'vg = si2 * ((n * s1i - wi * wi) / (n - 1));' 'vg = si2 * ((n * s1i - wi * wi) / (n - 2));' core 'Gi*: variantie met n-2'
m gi-star-si2 core/src/local_statistics.cpp 'si2 = ss / n;' 'si2 = ss / (n - 1);' core 'Gi*: steekproefvariantie in plaats van populatievariantie (spdep)'
m gi-mean-others core/src/local_statistics.cpp 'xibar = (sum - x[i]) / (n - 1);' 'xibar = (sum - x[i]) / n;' core 'Gi (zonder zelf): gemiddelde van de anderen fout'
m moran-local-expectation core/src/local_statistics.cpp 'r.expectation[i] = -(z[i] * z[i] * wi) / ((n - 1) * m2);' 'r.expectation[i] = -(z[i] * z[i] * wi) / ((n - 2) * m2);' core 'lokale Moran: verwachting met n-2'
m moran-global-expectation core/src/global_autocorrelation.cpp 'r.expectation = -1.0 / n1;' 'r.expectation = -1.0 / n;' core 'globale Moran: E[I] = -1/n in plaats van -1/(n-1)'
m moran-kurtosis core/src/global_autocorrelation.cpp 'const double k = nAll * z4 / (zz * zz);' 'const double k = c.n * z4 / (zz * zz);' core 'globale Moran: kurtosis met n zonder eilanden (spdep gebruikt length(x))'
m bin-p05 core/src/hotspot_classes.cpp 'p <= 0.05 ? 2' 'p < 0.05 ? 2' core 'Gi_Bin: p precies 0,05 niet meer 95 %'
m kde-mass core/src/kernel_density.cpp 'const double factor = 1.0 / (sum * cellSize * cellSize);' 'const double factor = 1.0 / (sum * cellSize);' core 'KDE: massabehoud per cel verkeerd geschaald'
m kde-quartic-norm core/src/kernel_density.cpp 'norm = 3.0 / (std::numbers::pi * r2);' 'norm = 2.0 / (std::numbers::pi * r2);' core 'KDE: normering quartic-kern'
m hot-times-spread core/src/hot_times.cpp 'addToHour(static_cast<std::size_t>(hour), perSecond * static_cast<double>(next - t));' 'addToHour(static_cast<std::size_t>(hour), perSecond * static_cast<double>(next - hourStart));' core 'hot times: een interval telt het hele eerste uur'
m hot-times-cap core/src/hot_times.cpp 'if (length >= kWeekSeconds) {' 'if (length > kWeekSeconds) {' core 'hot times: interval van precies een week niet als afgetopt geteld'
m hour-of-week core/src/date_time.cpp 'const auto weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);' 'const auto weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);' core 'uur van de week: 1970-01-01 als vrijdag'
m grid-code-north core/src/grid.cpp 'const auto n = static_cast<long long>(std::llround(static_cast<double>(row) * m_size / unit));' 'const auto n = static_cast<long long>(std::llround(static_cast<double>(col) * m_size / unit));' core 'rastercode: noord uit de kolom'
m grid-row core/src/grid.cpp 'row = static_cast<std::int64_t>(std::floor(p.y / m_size)) - m_row0;' 'row = static_cast<std::int64_t>(std::floor(p.y / m_size)) - m_col0;' core 'vierkant raster: rij met de kolomoorsprong'
m hex-tie core/src/grid.cpp 'if (d < best) {' 'if (d <= best) {' core 'zeshoekraster: punt op een rand naar de hogere rij/kolom'
m class-of core/src/classification.cpp 'const auto it = std::lower_bound(breaks.begin() + 1, breaks.end(), value);' 'const auto it = std::upper_bound(breaks.begin() + 1, breaks.end(), value);' core 'klasse-indeling: waarde op een grens naar de hogere klasse'
m rank-tie core/src/scan_figures.cpp 'const bool tie = i > 0 && value(order[i]) == value(order[i - 1]);' 'const bool tie = i > 1 && value(order[i]) == value(order[i - 1]);' core 'rang: gelijk aan de eerste krijgt geen gedeelde rang'
m suppress-secondary core/src/scan_figures.cpp 'if (hidden == 1) {' 'if (hidden >= 1) {' 'core app:ScanEndToEnd.SmallCounts*:ScanSuppression.*' 'aanvullende onderdrukking ook als er al twee geheim zijn (over-onderdrukking)'
m suppress-smallest core/src/scan_figures.cpp 'if (best == members.size() || count(members[i]) < count(members[best])) best = i;' 'if (best == members.size() || count(members[i]) > count(members[best])) best = i;' 'core app:ScanEndToEnd.SmallCounts*:ScanSuppression.*' 'aanvullende onderdrukking verbergt het grootste in plaats van het kleinste aantal'
# Disclosure control as the scan, trends and hotspots apply it (issue 13): the protection table,
# the secondary-suppression LP, the audit's verdict, and the writers outside the police.
m protect-primary pipeline/src/protection_table.cpp 'const bool small = value >= 1 && value <= static_cast<std::int64_t>(threshold) - 1;' 'const bool small = value >= 1 && value <= static_cast<std::int64_t>(threshold) - 2;' 'pipeline:TrendProtection.*:SecondarySuppression.*:TableAudit.*:TrendFolders.*' 'primair: een aantal van drempel-1 blijft zichtbaar'
m protect-no-secondary pipeline/src/secondary_suppression.cpp 'table.hideSecondary(c);' '(void)c;' 'pipeline:TrendProtection.*:SecondarySuppression.*:TrendFolders.*' 'de LP vindt aanvullende cellen maar verbergt ze niet'
m protect-cost pipeline/src/secondary_suppression.cpp 'const double cost = cells[part[k]].hidden() ? 0.0 : hidingCost(cells[part[k]].value);' 'const double cost = cells[part[k]].hidden() ? hidingCost(cells[part[k]].value) : 0.0;' 'pipeline:TrendProtection.*:SecondarySuppression.*' 'de LP rekent kosten voor al verborgen cellen en niet voor gepubliceerde'
m protect-hierarchy pipeline/src/scan_protection.cpp 'term(themeCell(l + 1, parent, s, p), -1);' 'term(themeCell(l + 1, parent, s, p), 0);' 'pipeline:SecondarySuppression.*:ScanFolderAudit.*' 'kinderen = ouder ontbreekt in de beschermingstabel (ouder min kinderen)'
m audit-covers pipeline/src/table_audit.cpp 'const bool covers = low <= 1.0 + kTolerance && high >= smallTop - kTolerance;' 'const bool covers = low <= 2.0 + kTolerance && high >= smallTop - kTolerance;' 'pipeline:TrendProtection.*:TableAudit.*:FolderAudit.*:TrendFolders.*:IntruderAgreement.*' 'audit: een geheim interval dat pas bij 2 begint telt als veilig'
m trend-relation pipeline/src/trend_protection.cpp 'alle perioden"), -1});' 'alle perioden"), 0});' 'pipeline:TrendProtection.*:TrendFolders.*' 'trends: totaal = som van de perioden ontbreekt'
m trend-gi-number pipeline/src/trend_writer.cpp 'return protection ? gis::Value{} : gis::Value{v};' 'return gis::Value{v};' 'pipeline:TrendFolders.*' 'trends: Gi*-z en -p extern als getal'
m trend-mk-hidden pipeline/src/trend_writer.cpp 'const bool countsHidden = protection && protection->anyHidden(i);' 'const bool countsHidden = false;' 'pipeline:TrendFolders.*' 'trends: Mann-Kendall van de aantallen naast een geheim aantal'
m hotspot-small pipeline/src/hotspot_writer.cpp 'const bool small = v >= 1.0 && v <= suppressBelow - 1.0 && v == std::floor(v);' 'const bool small = v >= 1.0 && v <= suppressBelow - 2.0 && v == std::floor(v);' 'pipeline:HotspotFolders.*' 'hotspots: een aantal van drempel-1 extern zichtbaar'
m hotspot-class pipeline/src/hotspot_writer.cpp 'const bool hide = small && (c == value || isClass(t.columns[c].name));' 'const bool hide = small && c == value;' 'pipeline:HotspotFolders.*' 'hotspots: klasse van een geheim aantal gepubliceerd'
m period-end core/src/scan_model.cpp 'if (t >= periods[i].from && t < periods[i].to) return i;' 'if (t >= periods[i].from && t <= periods[i].to) return i;' core 'periode: het eindmoment (exclusief) hoort er toch bij'
m cbs-parent core/src/area_hierarchy.cpp 'return "WK" + code.substr(2, 6);' 'return "WK" + code.substr(2, 4);' core 'CBS-code: wijk van een buurt fout afgeleid'
m total-excludes-overig core/src/scan_figures.cpp 'themeRow[totalSlot() * m_periods + p] += v;' 'if (slotOf[c] != overigSlot()) themeRow[totalSlot() * m_periods + p] += v;' core 'totaal telt overig mee in plaats van de thema'"'"'s'
m moran-global-variance core/src/global_autocorrelation.cpp 'vi = (vi - tmp) / (n1 * n2 * n3 * s02);' 'vi = (vi - tmp) / (n1 * n2 * n2 * s02);' core 'globale Moran: variantie (randomisatie) met n-2 in plaats van n-3'
m lisa-quadrant core/src/local_statistics.cpp 'r.quadrant[i] = lz[i] > 0 ? LisaQuadrant::LowHigh : LisaQuadrant::LowLow;' 'r.quadrant[i] = lz[i] > 0 ? LisaQuadrant::LowLow : LisaQuadrant::LowHigh;' core 'LISA: Laag-Hoog en Laag-Laag verwisseld'
m row-standardise core/src/spatial_weights.cpp 'for (std::size_t k = b; k < e; ++k) w.m_weights[k] = m_weights[k] / sum;' 'for (std::size_t k = b; k < e; ++k) w.m_weights[k] = m_weights[k] / (sum + 1.0);' core 'rij-standaardisatie telt niet op tot 1'
m rook-need core/src/contiguity.cpp 'const std::size_t need = rule == Contiguity::Queen ? 1 : 2;' 'const std::size_t need = rule == Contiguity::Queen ? 1 : 1;' core 'rook-buren: een gedeeld hoekpunt is genoeg (wordt queen)'
m kde-km2 core/src/kernel_density.cpp 'constexpr double kM2PerKm2 = 1e6;' 'constexpr double kM2PerKm2 = 1e4;' core 'KDE: eenheid per km² fout (per hectare)'
m kde-gauss-truncation core/src/kernel_density.cpp 'constexpr double kGaussianTruncation = 4.0;' 'constexpr double kGaussianTruncation = 3.0;' core 'KDE: Gauss-kern afgekapt op 3 in plaats van 4 sigma'
m mk-continuity core/src/emerging_hotspots.cpp 'mk.z = (mk.s - (s > 0 ? 1.0 : -1.0)) / std::sqrt(mk.varS);' 'mk.z = (mk.s + (s > 0 ? 1.0 : -1.0)) / std::sqrt(mk.varS);' core 'Mann-Kendall: continuïteitscorrectie de verkeerde kant op'
m mk-ties core/src/emerging_hotspots.cpp 'tieVar += t * (t - 1) * (2 * t + 5);' 'tieVar += t * (t - 1) * (2 * t + 3);' core 'Mann-Kendall: variantiecorrectie voor gelijke waarden fout'
m emerging-90 core/src/emerging_hotspots.cpp 'if (10 * same >= 9 * n) {' 'if (10 * same > 9 * n) {' core 'opkomende hotspots: precies 90 % hot is niet meer persistent'
m emerging-historical core/src/emerging_hotspots.cpp 'if (10 * hot >= 9 * n) return EmergingClass::HistoricalHot;' 'if (10 * hot > 9 * n) return EmergingClass::HistoricalHot;' core 'opkomende hotspots: precies 90 % hot is niet meer historisch'
m bs-min-count core/src/black_spots.cpp 'if (n >= rule.minCount) {' 'if (n > rule.minCount) {' core 'black spots: precies het minimum aantal ongevallen telt niet'
m bs-min-score core/src/black_spots.cpp 'const bool scoreOk = tally.score >= *criteria.minScore;' 'const bool scoreOk = tally.score > *criteria.minScore;' core 'black spots: precies de minimumscore telt niet'
m eb-weight core/src/black_spots.cpp 'eb.weight = 1.0 / (1.0 + eb.overdispersion * mu);' 'eb.weight = 1.0 / (1.0 + eb.overdispersion / mu);' core 'empirical Bayes: gewicht verkeerd'
m eb-estimate core/src/black_spots.cpp 'eb.estimate = eb.weight * mu + (1.0 - eb.weight) * observed;' 'eb.estimate = eb.weight * mu + (1.0 + eb.weight) * observed;' core 'empirical Bayes: schatting verkeerd gewogen'
m expected-scaling core/src/scan_figures.cpp 'f.expected = static_cast<double>(ref) * m_currentDays / m_referenceDays;' 'f.expected = static_cast<double>(ref) * m_referenceDays / m_currentDays;' core 'verwacht aantal: referentie verkeerd herschaald (alleen zichtbaar bij ongelijke periodes)'
m rate-zero-population core/src/scan_figures.cpp 'if (!pop || *pop <= 0.0) return std::nullopt;' 'if (!pop || *pop < 0.0) return std::nullopt;' core 'cijfer per 1.000 inwoners bij 0 inwoners (oneindig)'
m change-days core/src/scan_figures.cpp 'static_cast<double>(ref) * m_currentDays / m_referenceDays;' 'static_cast<double>(ref) * m_referenceDays / m_currentDays;' core 'huidige en referentieperiode verwisseld in de Poisson-toets'
m gi-variance core/src/local_statistics.cpp 'vg = si2 * (((n - 1) * s1i - wi * wi) / (n - 2));' 'vg = si2 * (((n - 1) * s1i - wi * wi) / (n - 1));' core 'Gi (zonder zelf): variantie met n-1 in plaats van n-2'
m quantile-type7 core/src/classification.cpp 'const double h = (static_cast<double>(sorted.size()) - 1.0) * std::clamp(p, 0.0, 1.0);' 'const double h = (static_cast<double>(sorted.size()) - 0.5) * std::clamp(p, 0.0, 1.0);' core 'kwantielen: niet meer R type 7'
m class-of-top core/src/classification.cpp 'if (value < breaks.front() || value > breaks.back()) return std::nullopt;' 'if (value < breaks.front() || value >= breaks.back()) return std::nullopt;' core 'klasse-indeling: het maximum valt buiten de hoogste klasse'
m first-peak core/src/optimized_hotspots.cpp 'if (profile[s].z > profile[s - 1].z && profile[s].z >= profile[s + 1].z) return s;' 'if (profile[s].z > profile[s - 1].z && profile[s].z > profile[s + 1].z) return s;' core 'optimized hotspots: een vlakke piek in het z-profiel telt niet als eerste piek'
# Shared draws of equal grid cells, the lattice neighbours and the permutation-floor warning.
m shared-ge core/src/permutation_inference.cpp 'last - std::lower_bound(first, last, s.observed[c] - s.tol[c])' 'last - std::lower_bound(first, last, s.observed[c] + s.tol[c])' core:PermutationShared* 'gedeelde trekkingen: gelijke sommen tellen niet als even groot'
m shared-le core/src/permutation_inference.cpp 'std::upper_bound(first, last, s.observed[c] + s.tol[c]) - first' 'std::upper_bound(first, last, s.observed[c] - s.tol[c]) - first' core:PermutationShared* 'gedeelde trekkingen: gelijke sommen tellen niet als even klein'
m shared-key-value core/src/permutation_inference.cpp 'key.push_back(std::bit_cast<std::uint64_t>(st.v[i]));' ';' core:PermutationShared* 'gedeelde trekkingen: cellen met een ander eigen aantal in een groep'
m shared-key-weight core/src/permutation_inference.cpp 'shareable = shareable && wt[t] == *weight;' 'shareable = shareable;' core:PermutationShared* 'gedeelde trekkingen ook bij gewichten die per buur verschillen'
m lattice-within core/src/optimized_hotspots.cpp 'if (step[t] <= last) kept.push_back(neighbour[t]);' 'if (step[t] < last) kept.push_back(neighbour[t]);' core:OptimizedHotspots* 'rastergewichten missen de buren van de gekozen band zelf'
m lattice-edge core/src/optimized_hotspots.cpp 'if (r < 0 || r >= rows || c < 0 || c >= cols) continue;' 'if (r < 0 || r >= rows || c < 0 || c > cols) continue;' core:OptimizedHotspots* 'rasterburen lopen over de rand naar de volgende rij'
m warn-floor pipeline/src/hotspot_job.cpp 'if (found * (st.permutations + 1) >= needed) return;' 'if (found >= needed) return;' 'pipeline:HotspotJob.* app:BadTotals.Hotspot*' 'waarschuwing "kan vrijwel niets vinden" terwijl FDR duizenden cellen doorlaat'
m parts-shown-order pipeline/src/incident_stream.cpp '    std::sort(found.areaOfUseShown.begin(), found.areaOfUseShown.end());' '' 'pipeline:IncidentStreamTest.TwoReadingThreads*' 'twee leesdraden: de voorbeelden buiten het CRS-gebied niet in bestandsvolgorde'
m parts-examples-cap pipeline/src/incident_stream.cpp 'if (static_cast<std::size_t>(same) < RecordAccounting::kExamplesPerBucket) kept.push_back(e);' 'kept.push_back(e);' 'pipeline:IncidentStreamTest.TwoReadingThreads*' 'twee leesdraden: twee keer zoveel voorbeelden als een lezer houdt'
m round-objective pipeline/src/controlled_rounding.cpp 'static_cast<double>(o.base - 2 * (cells[c].value % o.base))' 'static_cast<double>(2 * (cells[c].value % o.base) - o.base)' 'pipeline:ControlledRounding.*' 'gecontroleerd afronden kiest de verste in plaats van de dichtste vijftallen'
m round-audit-need pipeline/src/table_audit.cpp 'return std::min(static_cast<double>(base - 1), p.second - p.first);' 'return std::min(static_cast<double>(base - 3), p.second - p.first);' 'pipeline:ControlledRounding.*' 'afgeronde controle accepteert een tot 3 waarden vernauwd aantal'

# Issue 13, audit13: the near-repeat margins, facility ranks and the trend's theme choice.
m nr-published-margins pipeline/src/job_folder_audit.cpp 'if (a[k].is_number_integer() && !margin[k]) margin[k] = a[k].get<std::int64_t>();' 'if (false && a[k].is_number_integer() && !margin[k]) margin[k] = a[k].get<std::int64_t>();' 'pipeline:NearRepeatProtection*' 'audit: de rij- en kolomtotalen uit summary.json van near repeat niet gelezen'
m facility-rank-audit pipeline/src/job_folder_audit.cpp 'if (*shown != static_cast<double>(expected) && off++ == 0)' 'if (*shown + 1 < static_cast<double>(expected) && off++ == 0)' 'pipeline:FacilityProtection.*' 'audit: een rang die geheime totalen boven een gepubliceerd meetelt gaat door'
m facility-rank-writer pipeline/src/facility_writer.cpp 'rank[f] += !r.totalHidden[g] && r.total[g] > r.total[f];' 'rank[f] += r.total[g] > r.total[f];' 'pipeline:FacilityProtection.*' 'voorzieningen: extern telt de rang ook de geheime totalen'
m trend-protected-choice pipeline/src/scan_statistics.cpp 'totals[s] += statisticsCount(r, l, a, s, p);' 'totals[s] += static_cast<double>(f.themeCount(l, a, s, p));' 'pipeline:ScanProtectedStatistics.*' 'trends: de thema-keuze (>= 30) extern op de ware aantallen'

# Issue 13: the hour-of-week week an extern scan publishes, and the audit's rules for it.
m hot-apportion pipeline/src/hot_times_protection.cpp 'return remainder[a] > remainder[b]; });' 'return remainder[a] < remainder[b]; });' 'pipeline:HotTimesProtection.*' 'uren van de week: de eenheden gaan naar de kleinste resten'
m hot-release-level pipeline/src/hot_times_protection.cpp 'release.level = r.areas.levels.size() - 1;' 'release.level = 0;' 'pipeline:ScanHotTimesProtection.*' 'uren van de week extern op het fijnste niveau'
m hot-release-hidden-total pipeline/src/hot_times_protection.cpp 'if (r.suppression->theme(release.level, a, f.totalSlot(), f.currentPeriod())) continue;' 'if (false) continue;' 'pipeline:ScanHotTimesProtection.*' 'uren van de week ook voor een gebied met een geheim totaal'
m hot-release-threshold pipeline/src/hot_times_protection.cpp 'release.protection = protectHourOfWeek(rows, r.model.suppressBelow);' 'release.protection = protectHourOfWeek(rows, r.model.suppressBelow - 1);' 'pipeline:ScanHotTimesProtection.*' 'uren van de week: een uur van drempel-1 zichtbaar'
m hot-audit-small pipeline/src/folder_audit.cpp 'v && *v >= 1 && *v <= threshold - 1)' 'v && *v >= 1 && *v <= threshold - 2)' 'pipeline:ScanHotTimesProtection.*' 'audit: een klein uur in de gepubliceerde week gaat door'
m hot-audit-fraction pipeline/src/folder_audit.cpp 'if (!(v >= 0.0) || v != std::floor(v)) {' 'if (!(v >= 0.0)) {' 'pipeline:ScanHotTimesProtection.*' 'audit: een gebroken uurwaarde in de gepubliceerde week gaat door'
m hot-audit-relation pipeline/src/folder_audit.cpp 'addHourOfWeekRow(m_table, total->second, hours, threshold, where.first + " " + where.second, false);' '(void)total;' 'pipeline:ScanHotTimesProtection.*' 'audit: de week van een gemeente niet als som van zijn totaal gelezen'
m audit-lp-rhs pipeline/src/table_audit.cpp 'lp.push_back(rhs);' 'lp.push_back(0);' 'pipeline:TableAudit.*:AuditMemo.*:FolderAudit.*:IntruderAgreement.*' 'audit: delen met een andere rechterkant delen toch een oplossing'
m audit-lp-state pipeline/src/table_audit.cpp 'lp.push_back(static_cast<std::int64_t>(cells[c].state));' 'lp.push_back(0);' 'pipeline:TableAudit.*:AuditMemo.*:FolderAudit.*:IntruderAgreement.*' 'audit: delen met andere celrollen (primair/secundair) delen toch een oplossing'
m relation-index pipeline/src/protection_table.cpp 'm_relationIds[next[t.cell]++] = static_cast<std::uint32_t>(ri);' 'm_relationIds[next[t.cell]] = static_cast<std::uint32_t>(ri);' 'pipeline:TableAudit.*:SecondarySuppression.*' 'de optellingen van een cel: elke overschrijft de vorige'
m hot-rows-whole pipeline/src/hot_times_protection.cpp 'if (!result.passed) ++out.rowsHiddenWhole;' 'if (result.passed) ++out.rowsHiddenWhole;' 'pipeline:HotTimesProtection.*:ScanHotTimesProtection.*' 'uren van de week: geheel verborgen rijen verkeerd geteld'
m sparse-rank pipeline/src/sparse_cell_index.cpp 'std::popcount(m_bits[word] & (bit - 1))' 'std::popcount(m_bits[word] & bit)' 'pipeline:SecondarySuppression.*' 'schaarse tabel: de verkeerde cel bij een adres'
m sparse-zero-term pipeline/src/scan_protection.cpp 'if (!terms.empty()) m_table.addRelation(std::exchange(terms, {}));' 'if (terms.size() > 2) m_table.addRelation(std::exchange(terms, {})); else terms.clear();' 'pipeline:SecondarySuppression.*' 'schaarse tabel: optellingen met weinig cellen vallen weg'
m emerging-small-p core/src/emerging_hotspots.cpp 'if (const double p = twoSidedP(zt); p <= options.binAlpha) smallP.push_back(p);' 'if (const double p = twoSidedP(zt); p < options.binAlpha / 2) smallP.push_back(p);' 'core:EmergingHotspots.*' 'trend per cel: de FDR-grens uit te weinig p-waarden'
m parts-fill pipeline/src/protection_table.cpp 'cells[next[index[find(i)]]++] = static_cast<std::uint32_t>(i);' 'cells[next[index[find(i)]]] = static_cast<std::uint32_t>(i);' 'pipeline:TableAudit.*:SecondarySuppression.*' 'delen van de tabel: elke cel overschrijft de vorige van zijn deel'
m audit-place-rank pipeline/src/table_audit.cpp 'const std::uint64_t below = (std::uint64_t{1} << (c % 64)) - 1;' 'const std::uint64_t below = (std::uint64_t{2} << (c % 64)) - 1;' 'pipeline:TableAudit.*:SecondarySuppression.*' 'audit: het interval van een geheime cel op de plaats van de volgende'
m monthly-dense-add pipeline/include/gebiedscan/pipeline/monthly_counts.hpp 'm_dense[key] += count;' 'm_dense[key] = count;' 'pipeline:MonthlyCounts.*:CountTableMonths.*' 'maandtellingen: een registratie vervangt de vorige van die maand'
m released-relations pipeline/include/gebiedscan/pipeline/protection_table.hpp 'if (m_relationsReleased) relationsReleasedError();' '' 'pipeline:TableAudit.*' 'vrijgegeven optellingen: een audit zonder optellingen keurt alles goed'
# (No mutant for the audit's vertex caps: any cap that keeps the true table feasible gives valid
# witnesses, so the cap changes the LP count, not a verdict; TheAuditsVertexWitnessesChangeNoVerdict
# checks the verdicts.)

# --- Running -------------------------------------------------------------------------------------
export CCACHE_BASEDIR="$SCRATCH" CCACHE_DIR=${CCACHE_DIR:-/work/.ccache}

log() { printf '%s\n' "$*" >&2; }

# Copies the tree (tracked and untracked, not ignored files: uncommitted tests count) into SRC.
copyTree() {
  mkdir -p "$SRC"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | (cd "$SRC" && tar -xf -)
}

binaryOf() { echo "$BUILD/tests/test_$1"; }

# Builds the targets that TESTS (arg 1) needs; returns the build's exit code.
buildFor() {
  local targets=() spec module
  for spec in $1; do
    module=${spec%%:*}
    targets+=("test_$module")
    [[ $module == app ]] && targets+=(gebiedscan)
  done
  cmake --build "$BUILD" -j"$JOBS" --target "${targets[@]}" >"$SCRATCH/build.log" 2>&1
}

# Runs the tests of TESTS (arg 1); returns 0 when all pass.
runTests() {
  local spec module filter
  for spec in $1; do
    module=${spec%%:*}
    filter='*'
    [[ $spec == *:* ]] && filter=${spec#*:}
    [[ $module == app ]] && filter="$filter-$APP_SKIP"
    if ! timeout 900 "$(binaryOf "$module")" --gtest_filter="$filter" --gtest_brief=1 >"$SCRATCH/test.log" 2>&1; then
      return 1
    fi
  done
  return 0
}

# Replaces ORIGINAL (arg 2) by MUTATED (arg 3) in FILE (arg 1) if it occurs exactly once; prints
# the number of occurrences.
applyMutant() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
path, orig, mut = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
n = text.count(orig)
if n == 1:
    open(path, "w", encoding="utf-8").write(text.replace(orig, mut))
print(n)
EOF
}

if ((CHECK)); then
  bad=0
  for i in "${!IDS[@]}"; do
    n=$(python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().count(sys.argv[2]))' \
      "$ROOT/${FILES[$i]}" "${ORIGS[$i]}" 2>/dev/null || echo 0)
    [[ $n == 1 ]] || { printf '%-26s niet toepasbaar (%sx gevonden in %s)\n' "${IDS[$i]}" "$n" "${FILES[$i]}"; bad=1; }
  done
  ((bad)) || echo "alle ${#IDS[@]} mutanten toepasbaar"
  exit "$bad"
fi

log "kopie van de boom naar $SRC"
rm -rf "$SRC"
copyTree || { log "kopiëren mislukt"; exit 2; }
cmake -S "$SRC" --preset release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >"$SCRATCH/configure.log" 2>&1 ||
  { log "configureren mislukt, zie $SCRATCH/configure.log"; exit 2; }

# Baseline: the unmutated copy must build and pass every test the mutants use.
allTests=$(printf '%s\n' "${TESTS[@]}" | tr ' ' '\n' | sort -u | tr '\n' ' ')
log "nulmeting: $allTests"
buildFor "$allTests" || { log "de ongewijzigde boom bouwt niet, zie $SCRATCH/build.log"; exit 2; }
runTests "$allTests" || { log "de ongewijzigde boom faalt zijn tests:"; tail -20 "$SCRATCH/test.log" >&2; exit 2; }

results=()
killed=0 survived=0 inapplicable=0 broken=0
for i in "${!IDS[@]}"; do
  id=${IDS[$i]}
  [[ -n $PATTERN ]] && ! grep -Eq -- "$PATTERN" <<<"$id" && continue
  file="$SRC/${FILES[$i]}"
  backup="$SCRATCH/original"
  if [[ ! -f $file ]]; then
    results+=("$id|${FILES[$i]}|niet toepasbaar (bestand weg)|${WHATS[$i]}")
    ((inapplicable++))
    continue
  fi
  cp "$file" "$backup"
  found=$(applyMutant "$file" "${ORIGS[$i]}" "${MUTS[$i]}")
  if [[ $found != 1 ]]; then
    results+=("$id|${FILES[$i]}|niet toepasbaar (${found}x gevonden)|${WHATS[$i]}")
    ((inapplicable++))
    continue
  fi
  log "mutant $id"
  if ! buildFor "${TESTS[$i]}"; then
    outcome="bouwt niet"
    ((broken++))
  elif runTests "${TESTS[$i]}"; then
    outcome="OVERLEEFD"
    ((survived++))
  else
    outcome="gedood"
    ((killed++))
  fi
  results+=("$id|${FILES[$i]}|$outcome|${WHATS[$i]}")
  # Restore with a fresh mtime, so the next build recompiles it (a ccache hit).
  cat "$backup" >"$file"
done

printf '\n%-26s %-36s %-28s %s\n' "mutant" "bestand" "resultaat" "wat het breekt"
for r in "${results[@]}"; do
  IFS='|' read -r id f outcome what <<<"$r"
  printf '%-26s %-36s %-28s %s\n' "$id" "$f" "$outcome" "$what"
done
tried=$((killed + survived))
if ((tried > 0)); then
  printf '\ngedood %d van %d (%d %%)' "$killed" "$tried" $((100 * killed / tried))
else
  printf '\ngeen mutant geprobeerd'
fi
printf '; niet toepasbaar %d; bouwt niet %d\n' "$inapplicable" "$broken"
# The last build leaves the restored tree compiled; the scratch folder is kept for inspection.
((survived == 0)) || exit 1
exit 0
