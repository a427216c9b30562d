// The schema as code: one table per layer, built once. Descriptions are those the writers
// wrote before the schema existed (the velden.csv files keep their text).
#include "gebiedscan/pipeline/output_schema.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

namespace gebiedscan::pipeline::schema {

namespace {

using F = ColumnSpec::Family;
using T = ValueType;

bool isThemeSuffix(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(),
                                     [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_'; });
}

bool allDigits(std::string_view s, std::size_t n)
{
    return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

ColumnSpec single(std::string_view id, T type, std::string_view unit, std::string_view nl, std::string_view en)
{
    return {id, F::Single, type, unit, nl, en};
}

ColumnSpec perTheme(std::string_view id, T type, std::string_view unit, std::string_view nl, std::string_view en)
{
    return {id, F::Theme, type, unit, nl, en};
}

// Gi* and LISA of one variable (pipeline/local_hotspots): `full` adds the columns only the
// hotspots layers carry (neighbours, adjusted p-values, z of LISA, quadrant).
std::vector<ColumnSpec> localStatistics(bool full)
{
    std::vector<ColumnSpec> c;
    if (full) c.push_back(single(field::neighbours, T::Integer, "aantal", "aantal buren", "number of neighbours"));
    c.push_back(single(field::giZ, T::Real, "z", "Getis-Ord Gi* z-score (spdep localG, include.self)",
                       "Getis-Ord Gi* z-score (spdep localG, include.self)"));
    c.push_back(single(field::giP, T::Real, "p", "Gi* p-waarde", "Gi* p-value"));
    if (full)
        c.push_back(single(field::giPAdj, T::Real, "p", "gi_p na correctie voor meervoudig toetsen",
                           "gi_p adjusted for multiple testing"));
    c.push_back(single(field::giBin, T::Integer, "",
                       "ArcGIS Gi_Bin: +/-3, 2, 1 = hot/coldspot met 99, 95, 90 % betrouwbaarheid",
                       "ArcGIS Gi_Bin: +/-3, 2, 1 = hot/cold spot at 99, 95, 90 % confidence"));
    c.push_back(single(field::giLabel, T::String, "", "Gi_Bin in woorden", "Gi_Bin in words"));
    c.push_back(single(field::lisaI, T::Real, "", "lokale Moran I_i (rij-gestandaardiseerde gewichten, deler n)",
                       "local Moran's I_i (row-standardised weights, divisor n)"));
    if (full)
        c.push_back(single(field::lisaZ, T::Real, "z", "lokale Moran z (spdep localmoran, conditionele momenten)",
                           "local Moran z (spdep localmoran, conditional moments)"));
    c.push_back(single(field::lisaP, T::Real, "p", "lokale Moran p-waarde", "local Moran p-value"));
    if (full)
        c.push_back(single(field::lisaPAdj, T::Real, "p", "lisa_p na correctie voor meervoudig toetsen",
                           "lisa_p adjusted for multiple testing"));
    c.push_back(single(field::lisaQ, T::String, "", "LISA-cluster of uitschieter", "LISA cluster or outlier"));
    if (full)
        c.push_back(single(field::lisaQuadrant, T::String, "", "kwadrant van waarde en buurgemiddelde",
                           "quadrant of value and neighbour mean"));
    return c;
}

std::vector<ColumnSpec> concat(std::vector<ColumnSpec> a, const std::vector<ColumnSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<KeySpec> scanMetadata()
{
    return {{"bron_registraties", "bron van de registraties", "source of the registrations"},
            {"bron_gebieden", "bron van de gebieden (of het raster)", "source of the areas (or the grid)"},
            {"periode", "huidige en referentieperiode(n)", "current and reference period(s)"},
            {"onderdrukking", "regel voor kleine aantallen (geheim)", "small-count suppression rule"},
            {"model", "naam van het scanmodel", "name of the scan model"},
            {"gemaakt_met", "programma en versie", "software and version"},
            {"bron", "bronvermelding per bron (registraties: ...; gebieden: ...)", "credits per source"}};
}

std::vector<ColumnSpec> areaColumns()
{
    std::vector<ColumnSpec> c{
        single(field::code, T::String, "", "gebiedscode", "area code"),
        single(field::name, T::String, "", "naam", "name"),
        single(field::level, T::String, "", "niveau (buurt, wijk, gemeente, cel)",
               "level (buurt, wijk, gemeente, cell)"),
        single(field::parentCode, T::String, "", "code van het bovenliggende gebied", "code of the parent area"),
        single(field::population, T::Integer, "inwoners", "inwoners (CBS); leeg = onbekend of geheim",
               "inhabitants (CBS); empty = unknown or suppressed"),
        single(field::peakTotal, T::String, "", "drukste uur van de week, huidige periode (alle registraties)",
               "busiest hour of the week, current period (all themes)")};
    c = concat(std::move(c), localStatistics(false));
    for (auto& s : std::vector<ColumnSpec>{
             perTheme(field::count, T::Integer, "aantal", "aantal huidige periode", "count in the current period"),
             perTheme(field::expected, T::Real, "aantal", "verwacht aantal volgens referentieperiode(n)",
                      "expected count from the reference period(s)"),
             perTheme(field::changePct, T::Real, "%", "verandering t.o.v. referentie in %",
                      "change against the reference in %"),
             perTheme(field::changeP, T::Real, "p", "p-waarde verandering (exacte Poisson-toets)",
                      "p-value of the change (exact Poisson test)"),
             perTheme(field::significance, T::String, "", "significante verandering", "significant change"),
             perTheme(field::rate, T::Real, "per 1.000 inwoners", "per 1.000 inwoners", "per 1,000 inhabitants"),
             perTheme(field::rateEb, T::Real, "per 1.000 inwoners",
                      "per 1.000 inwoners, Empirical Bayes-geschat naar het gemiddelde van alle gebieden van dit "
                      "niveau (spdep EBest, momentenmethode)",
                      "per 1,000 inhabitants, Empirical Bayes shrunk to the mean of all areas of this level "
                      "(spdep EBest, method of moments)"),
             perTheme(field::rateEbLocal, T::Real, "per 1.000 inwoners",
                      "per 1.000 inwoners, Empirical Bayes-geschat naar het gebied en zijn buren (queen; spdep "
                      "EBlocal)",
                      "per 1,000 inhabitants, Empirical Bayes shrunk to the area and its neighbours (queen; spdep "
                      "EBlocal)"),
             perTheme(field::rateSmall, T::Integer, "",
                      "1 = te klein voor een betrouwbaar cijfer per 1.000 inwoners: minder dan 50 inwoners of minder "
                      "dan 5 registraties verwacht bij het gemiddelde van alle gebieden; lees dan eb_ en ebl_",
                      "1 = too small for a reliable rate per 1,000: fewer than 50 inhabitants or fewer than 5 "
                      "registrations expected at the mean of all areas; read eb_ and ebl_ instead"),
             perTheme(field::rank, T::Integer, "", "rang binnen bovenliggend gebied (1 = meeste)",
                      "rank within the parent area (1 = most)"),
             perTheme(field::trend, T::String, "", "opkomende hotspot (maandelijks Gi*, Mann-Kendall, Esri-klassen)",
                      "emerging hot spot (monthly Gi*, Mann-Kendall, Esri's classes)")})
        c.push_back(s);
    // --survey: one family per indicator (suffix: the indicator's column name); the longer
    // prefixes first, so survey_n_x is the respondents of x, not an indicator n_x.
    for (auto& s : std::vector<ColumnSpec>{
             single(field::surveyLevel, T::String, "",
                    "niveau waarvan de enquêtecijfers zijn (een buurt naast een wijkenquête: wijk)",
                    "level the survey figures belong to (a buurt beside a wijk survey: wijk)"),
             single(field::surveyCode, T::String, "", "code van het gebied waarvan de enquêtecijfers zijn",
                    "code of the area the survey figures belong to"),
             perTheme(field::surveyN, T::Integer, "respondenten", "enquête: aantal respondenten",
                      "survey: number of respondents"),
             perTheme(field::surveyLow, T::Real, "",
                      "enquête: ondergrens van het 95 %-interval (marge uit de tabel, "
                      "bij een percentage zonder marge uit n)",
                      "survey: lower bound of the 95 % interval (the table's margin, for a share without one from n)"),
             perTheme(field::surveyHigh, T::Real, "", "enquête: bovengrens van het 95 %-interval",
                      "survey: upper bound of the 95 % interval"),
             perTheme(field::surveyValue, T::Real, "", "enquêtecijfer (Veiligheidsmonitor-stijl; hoger = onveiliger)",
                      "survey figure (Veiligheidsmonitor style; higher = less safe)"),
             perTheme(field::surveyQuadrant, T::String, "",
                      "kwadrant objectief (registraties per 1.000 inwoners) tegen subjectief (enquête), elk tegen "
                      "de regio; niet te onderscheiden = interval om de regio; geen marge = geen interval bekend; te "
                      "weinig respondenten = minder dan 30",
                      "quadrant of objective (registrations per 1,000) against subjective (survey), each against the "
                      "region; indistinguishable = interval contains the region; too few respondents = fewer than 30"),
             single(field::surveyAol, T::Integer, "",
                    "1 = AOL-kandidaat: objectief en subjectief hoog bij een of meer enquête-indicatoren",
                    "1 = AOL candidate: objective and subjective high for one or more survey indicators")})
        c.push_back(s);
    return c;
}

std::vector<ColumnSpec> spotColumns()
{
    return {
        single(field::spotKind, T::String, "", "kruispunt of wegvak (schuivend venster)",
               "junction or road section (sliding window)"),
        single(field::spotRank, T::Integer, "", "rang binnen de soort: 1 = hoogste score",
               "rank within the kind: 1 = highest score"),
        single(field::locationId, T::String, "",
               "JTE_ID van het kruispunt, of <eerste WVK_ID van de route>:<van>-<tot> m",
               "JTE_ID of the junction, or <first WVK_ID of the route>:<from>-<to> m"),
        single(field::meets, T::Integer, "", "1 als de black-spotdefinitie gehaald wordt",
               "1 when the black-spot definition is met"),
        single("gehaald", T::String, "", "welke delen van de definitie gehaald worden",
               "which parts of the definition are met"),
        single("definitie", T::String, "", "naam van de definitie (preset of eigen)",
               "name of the definition (preset or own)"),
        single("n_ongevallen", T::Integer, "aantal", "ongevallen in de periode (alle ernst)",
               "accidents in the period (all severities)"),
        single("n_dod", T::Integer, "aantal", "ongevallen met dodelijke afloop (AP3 DOD)", "fatal accidents (AP3 DOD)"),
        single("n_let", T::Integer, "aantal", "letselongevallen (AP3 LET)", "injury accidents (AP3 LET)"),
        single("n_ums", T::Integer, "aantal", "ongevallen met uitsluitend materiële schade (AP3 UMS)",
               "damage-only accidents (AP3 UMS)"),
        single("n_onbekend", T::Integer, "aantal", "ongevallen zonder bruikbare AP3-code",
               "accidents without a usable AP3 code"),
        single("n_ziekenhuis", T::Integer, "aantal",
               "ongevallen met ziekenhuisopname; zonder die gegevens benaderd met LET+DOD",
               "accidents with hospital admission; without such data approximated by LET+DOD"),
        single(field::score, T::Real, "", "ernstgewogen score", "severity-weighted score"),
        {field::accidentsInYear, F::Year, T::Integer, "aantal", "ongevallen in", "accidents in"},
        single(field::street, T::String, "", "straatnaam/-namen (NWB STT_NAAM)", "street name(s) (NWB STT_NAAM)"),
        single("wegnummer", T::String, "", "wegnummer(s) (NWB WEGNUMMER)", "road number(s) (NWB WEGNUMMER)"),
        single("wegbeheerder", T::String, "",
               "soort wegbeheerder (NWB WEGBEHSRT: R rijk, P provincie, G gemeente, W waterschap, T overig)",
               "road authority kind (NWB WEGBEHSRT: R state, P province, G municipality, W water board, T other)"),
        single("wegklasse", T::String, "", "wegklasse (vergelijkingsgroep voor Empirical Bayes)",
               "road class (peer group for Empirical Bayes)"),
        single("van_m", T::Real, "m", "wegvak: begin langs de route (m)", "section: start along the route (m)"),
        single("tot_m", T::Real, "m", "wegvak: eind langs de route (m)", "section: end along the route (m)"),
        single("lengte_m", T::Real, "m", "wegvak: lengte (m)", "section: length (m)"),
        single("piek_venster", T::Integer, "aantal", "wegvak: hoogste aantal (hoofdregel) in een venster",
               "section: highest count (main rule) in a window"),
        single("x", T::Real, "m", "X (RD) van het kruispunt of het midden van het wegvak",
               "X (RD) of the junction or the middle of the section"),
        single("y", T::Real, "m", "Y (RD)", "Y (RD)"),
        single("eb_groep", T::String, "", "Empirical Bayes: vergelijkingsgroep", "Empirical Bayes: peer group"),
        single("eb_verwacht", T::Real, "aantal", "Empirical Bayes: gemiddelde van de groep (mu)",
               "Empirical Bayes: mean of the group (mu)"),
        single("eb_gewicht", T::Real, "", "Empirical Bayes: w = 1/(1 + k mu)", "Empirical Bayes: w = 1/(1 + k mu)"),
        single("eb_schatting", T::Real, "aantal", "Empirical Bayes: w mu + (1-w) waargenomen",
               "Empirical Bayes: w mu + (1-w) observed"),
        single("eb_overschot", T::Real, "aantal", "Empirical Bayes: schatting - mu", "Empirical Bayes: estimate - mu"),
    };
}

std::vector<KeySpec> blackspotMetadata()
{
    return {{"bron_wegen", "bron van het wegennet", "source of the road network"},
            {"bron_ongevallen", "bron van de ongevallen", "source of the accidents"},
            {"bron_gebieden", "bron van de gebieden (met --areas)", "source of the areas (with --areas)"},
            {"periode", "eerste t/m laatste jaar", "first to last year"},
            {"definitie", "black-spotdefinitie", "black-spot definition"}};
}

std::vector<KeySpec> trendsMetadata()
{
    return {{"bron", "bron van de registraties", "source of the registrations"},
            {"gebieden", "gebieden of raster", "areas or grid"},
            {"thema", "thema (of alle registraties)", "theme (or all registrations)"},
            {"perioden", "eerste t/m laatste periode", "first to last period"},
            {"methode", "methode en drempels", "method and thresholds"},
            {"onderdrukking", "regel voor kleine aantallen (geheim)", "small-count suppression rule"}};
}

std::vector<KeySpec> hotspotsMetadata(bool grid)
{
    std::vector<KeySpec> k{{"bron", "bron van de invoer", "source of the input"}};
    if (grid) {
        k.push_back({"celgrootte_m", "celgrootte (m)", "cell size (m)"});
        k.push_back({"celgrootte_keuze", "hoe de celgrootte gekozen is", "how the cell size was chosen"});
        k.push_back({"band_m", "afstandsband (m)", "distance band (m)"});
        k.push_back({"band_keuze", "hoe de band gekozen is", "how the band was chosen"});
        k.push_back(
            {"moran_z_per_band", "Moran's z per band (m:z), alleen intern", "Moran's z per band (m:z), intern only"});
    } else {
        k.push_back({"veld", "geanalyseerd veld", "analysed field"});
        k.push_back({"gewichten", "ruimtelijke gewichten", "spatial weights"});
        k.push_back({"moran_i", "globale Moran's I", "global Moran's I"});
        k.push_back({"moran_z", "z van Moran's I", "z of Moran's I"});
    }
    k.push_back({"onderdrukking", "regel voor kleine aantallen", "small-count rule"});
    for (KeySpec s :
         std::vector<KeySpec>{{"eilanden", "gebieden zonder buren", "areas without neighbours"},
                              {"permutaties", "aantal permutaties", "number of permutations"},
                              {"seed", "startwaarde van de permutaties", "permutation seed"},
                              {"alternatief", "alternatieve hypothese", "alternative hypothesis"},
                              {"correctie", "correctie voor meervoudig toetsen", "multiple-testing correction"},
                              {"gemaakt_met", "programma en versie", "software and version"}})
        k.push_back(s);
    return k;
}

std::vector<LayerSpec> buildLayers()
{
    std::vector<LayerSpec> l;
    // ---- gebiedscan scan ----
    l.push_back({role::scanAreas, "scan", "areas", GeometryKind::Polygon,
                 "gebieden van het fijnste niveau met aantallen, verandering en hotspots per thema",
                 "areas of the finest level with counts, change and hot spots per theme", areaColumns(),
                 scanMetadata()});
    l.push_back({role::scanAreaLevel, "scan", "areas_", GeometryKind::Polygon,
                 "gebieden van een hoger niveau (areas_<niveau>), zelfde velden",
                 "areas of a higher level (areas_<level>), same fields", areaColumns(), scanMetadata()});
    {
        std::vector<ColumnSpec> c{single(field::code, T::String, "", "gebiedscode", "area code"),
                                  single(field::name, T::String, "", "naam", "name")};
        c = concat(std::move(c), localStatistics(true));
        for (auto& s : std::vector<ColumnSpec>{
                 perTheme(field::themeGiZ, T::Real, "z", "Gi* z-score", "Gi* z-score"),
                 perTheme(field::themeGiP, T::Real, "p", "Gi* p-waarde na correctie", "Gi* p-value after correction"),
                 perTheme(field::themeGiBin, T::Integer, "", "Gi_Bin", "Gi_Bin"),
                 perTheme(field::themeGiLabel, T::String, "", "hot/coldspot", "hot/cold spot"),
                 perTheme(field::themeLisaQ, T::String, "", "LISA-cluster of uitschieter", "LISA cluster or outlier")})
            c.push_back(s);
        l.push_back(
            {role::scanHotspots, "scan", "hotspots", GeometryKind::Polygon,
             "hotspots (Gi*) en LISA-clusters van het fijnste niveau: totaal en thema's met genoeg registraties",
             "hot spots (Gi*) and LISA clusters of the finest level: the total and themes with enough "
             "registrations",
             std::move(c), scanMetadata()});
    }
    l.push_back({role::scanHotTimes,
                 "scan",
                 "hot_times",
                 GeometryKind::None,
                 "uur-van-de-week per gebied en thema, huidige periode (7 rijen van 24 uur)",
                 "hour of the week per area and theme, current period (7 rows of 24 hours)",
                 {single(field::level, T::String, "", "niveau", "level"),
                  single(field::areaCode, T::String, "", "gebiedscode", "area code"),
                  single(field::theme, T::String, "", "thema (total = alle thema's)", "theme (total = all themes)"),
                  single(field::day, T::String, "", "dag van de week", "day of the week"),
                  {field::hour, F::Hour, T::Real, "aantal", "aoristisch gewogen registraties",
                   "registrations (aoristic weights)"}},
                 scanMetadata()});
    l.push_back(
        {role::scanFigures,
         "scan",
         "figures",
         GeometryKind::None,
         "aantallen per niveau, gebied, thema (of categorie) en periode; ontbrekende rij = 0",
         "counts per level, area, theme (or category) and period; a missing row = 0",
         {single(field::level, T::String, "", "niveau", "level"),
          single(field::areaCode, T::String, "", "gebiedscode", "area code"),
          single(field::themeNumber, T::String, "", "themanummer (vast model)", "theme number (fixed model)"),
          single(field::theme, T::String, "", "thema", "theme"),
          single(field::category, T::String, "", "categorie (leeg = hele thema)", "category (empty = whole theme)"),
          single(field::period, T::String, "", "periode", "period"),
          single(field::periodRole, T::String, "", "huidig of referentie", "current or reference"),
          single(field::countValue, T::Integer, "aantal", "aantal registraties", "number of registrations")},
         scanMetadata()});
    // ---- gebiedscan hotspots ----
    l.push_back({role::hotspotsGrid, "hotspots", "hotspots", GeometryKind::Polygon,
                 "hotspots van registraties op een raster (afstandsband)",
                 "hot spots of registrations on a grid (distance band)",
                 concat({single("id", T::String, "", "celcode (CBS-stijl: grootte, X en Y van de linkeronderhoek)",
                                "cell code (CBS style: size, E and N of the lower-left corner)"),
                         single("aantal", T::Integer, "aantal", "registraties in de cel", "registrations in the cell")},
                        localStatistics(true)),
                 hotspotsMetadata(true)});
    l.push_back({role::hotspotsFeatures, "hotspots", "hotspots", GeometryKind::Polygon,
                 "hotspots van een numeriek veld van gebieden of punten",
                 "hot spots of a numeric field of areas or points",
                 concat({single("id", T::String, "", "objectnummer (FID) of het opgegeven id-veld",
                                "feature id (FID) or the given id field"),
                         single("waarde", T::Real, "", "geanalyseerde waarde (het opgegeven veld)",
                                "analysed value (the given field)")},
                        localStatistics(true)),
                 hotspotsMetadata(false)});
    // ---- gebiedscan trends ----
    l.push_back(
        {role::trends,
         "trends",
         "trends",
         GeometryKind::Polygon,
         "opkomende hotspots: patroon per gebied of cel (Esri Emerging Hot Spot Analysis)",
         "emerging hot spots: pattern per area or cell (Esri Emerging Hot Spot Analysis)",
         {single(field::code, T::String, "", "gebiedscode of celcode", "area or cell code"),
          single(field::name, T::String, "", "naam", "name"),
          single("trend", T::String, "", "patroon (Esri Emerging Hot Spot Analysis), Nederlands",
                 "pattern (Esri Emerging Hot Spot Analysis), Dutch"),
          single("trend_en", T::String, "", "patroon, Esri's Engelse naam", "pattern, Esri's English label"),
          single("trend_code", T::String, "", "vaste code van het patroon", "stable code of the pattern"),
          single("registraties", T::Integer, "aantal", "registraties in alle perioden samen",
                 "registrations in all periods together"),
          single("perioden_hot", T::Integer, "aantal", "perioden als significante hotspot",
                 "periods as a significant hot spot"),
          single("perioden_cold", T::Integer, "aantal", "perioden als significante coldspot",
                 "periods as a significant cold spot"),
          single("gi_z_laatste", T::Real, "z", "Gi* z-score in de laatste periode", "Gi* z-score in the last period"),
          single("mk_tau_gi", T::Real, "", "Mann-Kendall tau van de Gi* z-scores",
                 "Mann-Kendall tau of the Gi* z-scores"),
          single("mk_p_gi", T::Real, "p", "Mann-Kendall p (tweezijdig) van de Gi* z-scores",
                 "Mann-Kendall p (two-sided) of the Gi* z-scores"),
          single("mk_tau_aantal", T::Real, "", "Mann-Kendall tau van de aantallen", "Mann-Kendall tau of the counts"),
          single("mk_p_aantal", T::Real, "p", "Mann-Kendall p (tweezijdig) van de aantallen",
                 "Mann-Kendall p (two-sided) of the counts")},
         trendsMetadata()});
    l.push_back(
        {role::trendsPerPeriod,
         "trends",
         "trends_per_periode",
         GeometryKind::None,
         "Gi* per gebied of cel en periode",
         "Gi* per area or cell and period",
         {single(field::code, T::String, "", "gebiedscode of celcode", "area or cell code"),
          single("periode", T::String, "", "maand (2024-05), kwartaal (2024-K2) of jaar",
                 "month (2024-05), quarter (2024-K2) or year"),
          single("registraties", T::Integer, "aantal", "registraties in de periode (kleine aantallen geheim)",
                 "registrations in the period (small counts suppressed)"),
          single("gi_z", T::Real, "z", "Gi* z-score met ruimte-tijd-buren", "Gi* z-score with space-time neighbours"),
          single("gi_p", T::Real, "p", "p-waarde (tweezijdig, normaal)", "p-value (two-sided, normal)"),
          single("status", T::String, "", "hotspot, coldspot of niet significant",
                 "hot spot, cold spot or not significant")},
         trendsMetadata()});
    // ---- gebiedscan blackspots ----
    l.push_back({role::blackspotJunctions, "blackspots", "junctions", GeometryKind::Point,
                 "kruispunten met hun ongevallen, black spots voorop",
                 "junctions with their accidents, black spots first", spotColumns(), blackspotMetadata()});
    l.push_back({role::blackspotSections, "blackspots", "sections", GeometryKind::Line,
                 "black-spotwegvakken (schuivend venster)", "black-spot road sections (sliding window)", spotColumns(),
                 blackspotMetadata()});
    l.push_back({role::blackspotList,
                 "blackspots",
                 "blackspots",
                 GeometryKind::None,
                 "kruispunten en wegvakken in één lijst (blackspots.csv)",
                 "junctions and sections in one list (blackspots.csv)",
                 spotColumns(),
                 {}});
    l.push_back({role::blackspotAccidents,
                 "blackspots",
                 "accidents",
                 GeometryKind::None,
                 "elk ongeval na ontdubbeling: waar het geplaatst is en in welke black spots het meetelt",
                 "every accident after deduplication: where it was placed and in which black spots it counts",
                 {single("rij", T::Integer, "", "rij in het ongevallenbestand die het ongeval vertegenwoordigt",
                         "row of the accident file representing the accident"),
                  single("ongeval_id", T::String, "", "VKL_NUMMER, of 'rij <n>' zonder VKL_NUMMER",
                         "VKL_NUMMER, or 'rij <n>' without VKL_NUMMER"),
                  single(field::accidentYear, T::Integer, "", "jaar van het ongeval", "year of the accident"),
                  single(field::severity, T::String, "", "AP3: DOD, LET, UMS of ONB", "AP3: DOD, LET, UMS or ONB"),
                  single("rijen", T::Integer, "aantal", "invoerrijen (partijen) samengevoegd tot dit ongeval",
                         "input rows (parties) merged into this accident"),
                  single("verantwoording", T::String, "",
                         "placed_by_id, snapped, beyond_tolerance, missing_location, unknown_network_id, missing_year, "
                         "outside_period",
                         "placed_by_id, snapped, beyond_tolerance, missing_location, unknown_network_id, missing_year, "
                         "outside_period"),
                  single("wvk_id", T::String, "", "wegvak waarop het ongeval geplaatst is",
                         "road segment the accident is placed on"),
                  single("afstand_m", T::Real, "m", "afstand van het ongevalspunt tot het wegvak (m)",
                         "distance from the accident point to the segment (m)"),
                  single(field::accidentJunctions, T::String, "", "gerapporteerde kruispunten waar het ongeval meetelt",
                         "reported junctions the accident counts in"),
                  single(field::accidentSections, T::String, "", "gerapporteerde wegvakken waar het ongeval meetelt",
                         "reported sections the accident counts in")},
                 blackspotMetadata()});
    l.push_back({role::blackspotKde,
                 "blackspots",
                 "kde",
                 GeometryKind::Line,
                 "netwerk-KDE van de ongevallen per lixel (dichtheid > 0)",
                 "network KDE of the accidents per lixel (density > 0)",
                 {single("wvk_id", T::String, "", "wegvak", "road segment"),
                  single("van_m", T::Real, "m", "begin van de lixel langs het wegvak (m)",
                         "start of the lixel along the segment (m)"),
                  single("tot_m", T::Real, "m", "eind van de lixel (m)", "end of the lixel (m)"),
                  single("dichtheid_per_km", T::Real, "per km", "ongevallen per km (netwerk-KDE, kwartische kern)",
                         "accidents per km (network KDE, quartic kernel; severity-weighted or not)"),
                  single(field::street, T::String, "", "straatnaam", "street name")},
                 blackspotMetadata()});
    l.push_back(
        {role::blackspotAreas,
         "blackspots",
         "areas",
         GeometryKind::Polygon,
         "thema 4.1 verkeersveiligheid per gebied: ongevallen en black spots",
         "theme 4.1 road safety per area: accidents and black spots",
         {single(field::code, T::String, "", "gebiedscode", "area code"),
          single(field::name, T::String, "", "naam", "name"),
          single("n_ongevallen", T::Integer, "aantal", "geanalyseerde ongevallen in het gebied (periode, geplaatst)",
                 "analysed accidents in the area (period, placed)"),
          single("n_dod", T::Integer, "aantal", "waarvan dodelijk", "of which fatal"),
          single("n_let", T::Integer, "aantal", "waarvan letsel", "of which injury"),
          single("n_ums", T::Integer, "aantal", "waarvan uitsluitend materiële schade", "of which damage only"),
          single("n_bs_kruispunt", T::Integer, "aantal", "black-spotkruispunten in het gebied",
                 "black-spot junctions in the area"),
          single("n_bs_wegvak", T::Integer, "aantal", "black-spotwegvakken (midden) in het gebied",
                 "black-spot sections (middle) in the area"),
          single("n_ongevallen_in_bs", T::Integer, "aantal", "ongevallen die in een black spot meetellen",
                 "accidents counted in a black spot")},
         blackspotMetadata()});
    // ---- gebiedscan kde: a GeoTIFF, no columns; its dataset metadata ----
    l.push_back({role::kdeHeatmap,
                 "kde",
                 "",
                 GeometryKind::Raster,
                 "heatmap (kerndichtheid) in registraties (of gewicht) per km²",
                 "heatmap (kernel density) in registrations (or weight) per km²",
                 {},
                 {{"KERNEL", "kern (quartic, gaussian, epanechnikov, uniform)", "kernel"},
                  {"KERNEL_NOTE", "bij gaussian: straal = sigma, afgekapt op 4 sigma",
                   "gaussian: radius = sigma, cut at 4 sigma"},
                  {"RADIUS_M", "zoekstraal (m)", "search radius (m)"},
                  {"RADIUS_RULE", "hoe de straal gekozen is", "how the radius was chosen"},
                  {"CELL_SIZE_M", "celgrootte (m)", "cell size (m)"},
                  {"UNIT", "eenheid van de waarden", "unit of the values"},
                  {"EVENTS", "aantal registraties", "number of registrations"},
                  {"TOTAL_WEIGHT", "totaal gewicht", "total weight"},
                  {"METHOD", "rekenwijze (exact, binned, fft)", "method (exact, binned, fft)"},
                  {"SOURCE", "bron van de registraties", "source of the registrations"},
                  {"THEME", "thema (of alle registraties)", "theme (or all registrations)"},
                  {"CRS", "coördinatenstelsel", "coordinate reference system"},
                  {"SOFTWARE", "programma en versie", "software and version"}}});
    // ---- gebiedscan nearrepeat: nearrepeat.csv ----
    l.push_back(
        {role::nearRepeat,
         "nearrepeat",
         "nearrepeat",
         GeometryKind::None,
         "Knox-tabel: paren van voorvallen per afstands- en tijdband (Near Repeat Calculator)",
         "Knox table: pairs of events per distance and time band (Near Repeat Calculator)",
         {single("dist_from", T::Real, "m", "afstand van (m); 0 tot 0 = dezelfde locatie",
                 "distance from (m); 0 to 0 = the same location"),
          single("dist_to", T::Real, "m", "afstand tot (m, exclusief); leeg = onbegrensd",
                 "distance to (m, exclusive); empty = unbounded"),
          single("days_from", T::Integer, "dagen", "dagen ertussen van", "days between, from"),
          single("days_to", T::Integer, "dagen", "dagen ertussen tot (exclusief); leeg = onbegrensd",
                 "days between, to (exclusive); empty = unbounded"),
          single("observed", T::Integer, "aantal", "waargenomen paren van voorvallen", "observed pairs of events"),
          single("expected", T::Real, "aantal", "verwacht aantal paren (gemiddelde over de permutaties)",
                 "expected pairs (mean over the permutations)"),
          single("ratio", T::Real, "", "waargenomen / verwacht (Knox-ratio)", "observed / expected (Knox ratio)"),
          single("p", T::Real, "p", "pseudo-p (M + 1) / (R + 1)", "pseudo-p (M + 1) / (R + 1)")},
         {}});
    // ---- gebiedscan nearrepeat --areas: nearrepeat.gpkg, layer areas ----
    l.push_back(
        {role::nearRepeatAreas,
         "nearrepeat",
         "areas",
         GeometryKind::Polygon,
         "near repeats per gebied: paren binnen de eerste oververtegenwoordigde afstands- en tijdband, "
         "geteld bij het gebied van het eerste voorval",
         "near repeats per area: pairs within the first raised distance and time band, counted at the "
         "area of the first event",
         {single(field::code, T::String, "", "gebiedscode", "area code"),
          single(field::name, T::String, "", "naam", "name"),
          single("n_voorvallen", T::Integer, "aantal", "voorvallen in het gebied", "events in the area"),
          single("n_nr_paren", T::Integer, "aantal", "near-repeatparen waarvan het eerste voorval in het gebied ligt",
                 "near-repeat pairs whose first event lies in the area")},
         {{"bron_registraties", "bron van de registraties", "source of the registrations"},
          {"bron_gebieden", "bron van de gebieden", "source of the areas"},
          {"near_repeat_band", "afstand en tijd van de getelde paren", "distance and time of the pairs"}}});
    // ---- gebiedscan facilities: the facility's own fields come first (not in the schema) ----
    l.push_back(
        {role::facilities,
         "facilities",
         "facilities",
         GeometryKind::Point,
         "registraties rond voorzieningen (hot facilities); eerst de eigen velden van de voorziening",
         "registrations around facilities (hot facilities); the facility's own fields first",
         {perTheme(field::count, T::Integer, "aantal", "registraties binnen de straal",
                   "registrations within the radius"),
          single("dichtheid_km2", T::Real, "per km²", "n_total per km² van de zone binnen de straal",
                 "n_total per km² of the zone within the radius"),
          single("dichtheid_km_weg", T::Real, "per km weg",
                 "n_total per km weg binnen de straal over het wegennet (--by-network)",
                 "n_total per km of road within the radius along the network (--by-network)"),
          single("rank", T::Integer, "", "rang naar n_total (1 = meeste)", "rank by n_total (1 = most)"),
          single("n_ring", T::Integer, "aantal",
                 "registraties in de ring rond de straal (straal tot 5 x straal), intern",
                 "registrations in the ring around the radius (radius to 5 x radius), internal"),
          single("verwacht", T::Real, "aantal", "verwacht binnen de straal bij de dichtheid van de ring",
                 "expected within the radius at the density of the ring"),
          single("p", T::Real, "p", "eenzijdige p-waarde (exacte voorwaardelijke Poisson-toets tegen de ring)",
                 "one-sided p-value (exact conditional Poisson test against the ring)"),
          single("p_adj", T::Real, "p", "p na correctie voor meervoudig toetsen (Benjamini-Hochberg)",
                 "p adjusted for multiple testing (Benjamini-Hochberg)"),
          single("verhoogd", T::String, "", "ja = significant meer dan de omgeving voorspelt (p_adj <= 0,05)",
                 "ja = significantly more than the surroundings predict (p_adj <= 0.05)")},
         {{"bron_registraties", "bron van de registraties", "source of the registrations"},
          {"bron_voorzieningen", "bron van de voorzieningen", "source of the facilities"},
          {"periode", "periode van de registraties", "period of the registrations"},
          {"straal_m", "straal (m)", "radius (m)"},
          {"afstand", "hemelsbreed of over het wegennet", "straight line or along the road network"},
          {"telwijze", "elke voorziening in de straal of alleen de dichtstbijzijnde", "every facility or nearest only"},
          {"onderdrukking", "regel voor kleine aantallen (geheim)", "small-count suppression rule"}}});
    l.push_back({role::facilityConcentration,
                 "facilities",
                 "concentratie",
                 GeometryKind::None,
                 "concentratie van registraties op voorzieningen (Eck, Clarke en Guerette)",
                 "concentration of registrations on facilities (Eck, Clarke and Guerette)",
                 {single("aandeel_voorzieningen_pct", T::Integer, "%", "de top zoveel procent van de voorzieningen",
                         "the top so many per cent of the facilities"),
                  single("voorzieningen", T::Integer, "aantal", "aantal voorzieningen in die top",
                         "number of facilities in that top"),
                  single("registraties", T::Integer, "aantal", "registraties bij die voorzieningen (intern)",
                         "registrations at those facilities (internal)"),
                  single("aandeel_registraties_pct", T::Real, "%", "hun aandeel in alle tellingen bij voorzieningen",
                         "their share of all counts at facilities")},
                 {}});
    // ---- <laag>_velden.csv next to every Shapefile ----
    l.push_back({role::fieldMap,
                 "",
                 "velden",
                 GeometryKind::None,
                 "velden van de Shapefile: korte naam (max. 10 tekens), volledige naam en omschrijving",
                 "fields of the Shapefile: short name (at most 10 characters), full name and description",
                 {single("veld_shapefile", T::String, "", "veldnaam in de Shapefile", "field name in the Shapefile"),
                  single("veld", T::String, "", "volledige veldnaam (GeoPackage, CSV, GeoJSON)",
                         "full field name (GeoPackage, CSV, GeoJSON)"),
                  single("omschrijving", T::String, "", "omschrijving", "description")},
                 {}});
    // Every file names its audience (issue 13).
    for (auto& layer : l)
        layer.metadata.push_back({kAudienceKey, "extern (beschermd) of intern (alleen politie)",
                                  "extern (protected) or intern (police only)"});
    return l;
}

std::vector<KeySpec> scanSummary()
{
    return {
        {"input_records", "gelezen registraties", "registrations read"},
        {"assigned", "toegewezen aan een gebied", "assigned to an area"},
        {"outside", "buiten alle gebieden", "outside every area"},
        {"invalid_geometry", "geen of ongeldige locatie", "no or invalid location"},
        {"bad_date", "datum onleesbaar of buiten de periode", "date unreadable or outside the period"},
        {"unknown_category", "onbekende categorie (overig)", "unknown category (other)"},
        {"bad_weight", "gewicht leeg, geen getal of CBS-codewaarde (kde --weight-field)",
         "weight empty, not a number or a CBS sentinel (kde --weight-field)"},
        {"other_theme", "van een ander thema (bij --theme)", "of another theme (with --theme)"},
        {"bad_date_detail.unparseable", "datum onleesbaar", "date unreadable"},
        {"bad_date_detail.end_before_start", "einddatum voor de begindatum", "end date before the start date"},
        {"bad_date_detail.out_of_period", "datum buiten de periode", "date outside the period"},
        {"unknown_categories", "onbekende codes met hun aantal", "unknown codes with their count"},
        {"example_problem_rows", "voorbeelden van probleemrijen", "examples of problem rows"},
        {"examples", "per bucket tot vijf voorbeelden: row, field, value, reason",
         "per bucket up to five examples: row, field, value, reason"},
        {"incidents.source", "bron van de registraties", "source of the registrations"},
        {"incidents.crs", "coördinatenstelsel van de registraties", "CRS of the registrations"},
        {"areas.source", "bron van de gebieden", "source of the areas"},
        {"areas.grid", "raster (bij --grid)", "grid (with --grid)"},
        {"areas.repaired_polygons", "herstelde ongeldige polygonen", "repaired invalid polygons"},
        {"fields", "gebruikte velden van de registraties", "fields of the registrations used"},
        {"sources", "bronnen: role, description, credit (bronvermelding), synthetic",
         "sources: role, description, credit, synthetic"},
        {"working_crs", "werk-CRS", "working CRS"},
        {"model", "naam van het scanmodel", "name of the scan model"},
        {"periods", "perioden: id, role (current/reference), from, to_exclusive",
         "periods: id, role (current/reference), from, to_exclusive"},
        {"themes", "thema's: id, number, veld, label, label_en", "themes: id, number, veld, label, label_en"},
        {"periods_detected_from_data", "perioden uit de gegevens afgeleid", "periods derived from the data"},
        {"count_table",
         "bij --counts: rijen, waarden en registraties per reden; weggelaten codes (extern zonder aantallen); "
         "anders null",
         "with --counts: rows, values and registrations per reason; codes left out (extern without counts); else "
         "null"},
        {"survey",
         "bij --survey: bron, jaar, niveau, objectieve kant, regiowaarden en waar ze vandaan komen, gebieden per "
         "kwadrant, AOL-kandidaten, niet gevonden codes; anders null",
         "with --survey: source, year, level, objective side, region values and where they came from, areas per "
         "quadrant, AOL candidates, codes not found; else null"},
        {"time_of_day", "tijdstip van de registraties: bekend, of geen tijdstip bekend (geen uur van de week)",
         "time of day of the registrations: known, or none (no hour of the week)"},
        {"sub_year_trend", "trend binnen de perioden: per maand, of geen (alleen jaren bekend)",
         "trend within the periods: per month, or none (only years known)"},
        {"levels", "niveaus: level, areas", "levels: level, areas"},
        {"audience", "intern of extern", "internal or external"},
        {"suppression.rule", "regel voor kleine aantallen", "small-count rule"},
        {"suppression.suppressed_cells", "aantal onderdrukte cellen", "number of suppressed cells"},
        {"suppression.primary_cells", "cellen 1 t/m drempel-1 (primair geheim)", "cells 1..threshold-1 (primary)"},
        {"suppression.secondary_cells", "cellen aanvullend geheim zodat niets te herleiden is",
         "cells hidden in addition so nothing can be recovered"},
        {"suppression.audit_passed", "de controle (als gebiedscan audit) is geslaagd", "the audit passed"},
        {"suppression.zeros",
         "bij onderdrukken: nullen 'kunnen aanvullend geheim zijn', of in een tabel van 20 miljoen cellen en meer "
         "(landelijk raster) 'altijd zichtbaar'",
         "when suppressing: zeros may be hidden as secondaries, or in a table of 20 million cells or more "
         "(national grid) always shown"},
        {"outputs", "geschreven bestanden", "files written"},
    };
}

std::vector<KeySpec> blackspotSummary()
{
    return {
        {"audience", "intern: black spots zijn alleen voor binnen de politie", "intern: black spots are police-only"},
        {"input_rows", "gelezen rijen", "rows read"},
        {"accidents_after_deduplication", "ongevallen na ontdubbeling", "accidents after deduplication"},
        {"analysed_accidents", "geanalyseerde ongevallen", "analysed accidents"},
        {"buckets", "verantwoording per bakje", "accounting per bucket"},
        {"buckets_total", "som van de bakjes (= input_rows)", "sum of the buckets (= input_rows)"},
        {"deduplication", "ontdubbeling: aantallen en regel", "deduplication: counts and rule"},
        {"accident_fields", "gebruikte velden van de ongevallen", "fields of the accidents used"},
        {"accident_reading", "problemen bij het lezen van de ongevallen", "problems reading the accidents"},
        {"network", "wegennet: bron, omvang, topologie, velden", "road network: source, size, topology, fields"},
        {"criteria", "black-spotdefinitie", "black-spot definition"},
        {"period.first_year", "eerste jaar", "first year"},
        {"period.last_year", "laatste jaar", "last year"},
        {"parameters", "parameters van de analyse", "analysis parameters"},
        {"results", "aantallen black spots en vensters", "numbers of black spots and windows"},
        {"outputs", "geschreven bestanden", "files written"},
        {"outputs_not_written_empty", "lege uitvoer die niet geschreven is", "empty outputs not written"},
    };
}

} // namespace

bool ColumnSpec::matches(std::string_view column) const
{
    if (family == Family::Single) return column == id;
    if (column.size() <= id.size() || column.substr(0, id.size()) != id) return false;
    const auto suffix = column.substr(id.size());
    switch (family) {
    case Family::Theme: return isThemeSuffix(suffix);
    case Family::Year: return allDigits(suffix, 4);
    case Family::Hour: return allDigits(suffix, 2) && suffix < "24";
    case Family::Single: break;
    }
    return false;
}

std::string ColumnSpec::name(std::string_view suffix) const
{
    return std::string(id) + std::string(family == Family::Single ? std::string_view{} : suffix);
}

const ColumnSpec* LayerSpec::find(std::string_view written) const
{
    for (const auto& c : columns)
        if (c.family == ColumnSpec::Family::Single && c.matches(written)) return &c;
    for (const auto& c : columns)
        if (c.family != ColumnSpec::Family::Single && c.matches(written)) return &c;
    return nullptr;
}

const ColumnSpec& LayerSpec::column(std::string_view id) const
{
    for (const auto& c : columns)
        if (c.id == id) return c;
    throw std::logic_error("output schema: layer '" + std::string(role) + "' has no column '" + std::string(id) + "'");
}

const std::vector<LayerSpec>& layers()
{
    static const std::vector<LayerSpec> all = buildLayers();
    return all;
}

const LayerSpec* layer(std::string_view r)
{
    for (const auto& l : layers())
        if (l.role == r) return &l;
    return nullptr;
}

const std::vector<KeySpec>& summaryKeys(std::string_view command)
{
    static const std::map<std::string_view, std::vector<KeySpec>> keys{{"scan", scanSummary()},
                                                                       {"blackspots", blackspotSummary()}};
    static const std::vector<KeySpec> none;
    const auto it = keys.find(command);
    return it == keys.end() ? none : it->second;
}

gis::Column column(const LayerSpec& layer, std::string_view id, std::string_view suffix, std::string_view label,
                   std::string_view detail)
{
    const ColumnSpec& c = layer.column(id);
    gis::Column out;
    out.name = c.name(suffix);
    out.type = c.type == ValueType::Integer ? gis::Column::Type::Integer
               : c.type == ValueType::Real  ? gis::Column::Type::Real
                                            : gis::Column::Type::String;
    out.description = std::string(c.nl);
    if (!detail.empty()) out.description += " (" + std::string(detail) + ")";
    if (!label.empty()) out.description += (c.family == ColumnSpec::Family::Year ? " " : ": ") + std::string(label);
    return out;
}

gis::Column column(std::string_view r, std::string_view id, std::string_view suffix, std::string_view label,
                   std::string_view detail)
{
    const LayerSpec* l = layer(r);
    if (!l) throw std::logic_error("output schema: no layer with role '" + std::string(r) + "'");
    return column(*l, id, suffix, label, detail);
}

void tag(gis::Table& table, std::string_view r)
{
    table.metadata[std::string(kRoleKey)] = std::string(r);
    table.metadata[std::string(kVersionKey)] = std::string(kVersion);
}

const gis::Table& tableWithRole(const std::vector<gis::Table>& tables, std::string_view r)
{
    for (const auto& t : tables)
        if (const auto it = t.metadata.find(std::string(kRoleKey)); it != t.metadata.end() && it->second == r) return t;
    throw std::logic_error("output schema: no table with role '" + std::string(r) + "'");
}

} // namespace gebiedscan::pipeline::schema
