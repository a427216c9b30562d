#!/usr/bin/env python3
"""Fills app/viewer/translations/*.ts after `ninja gebiedscan_viewer_ui_lupdate`.

Dutch is the viewer's default language; source strings are English. This script keeps the Dutch
wording in one reviewable place; Qt Linguist can edit the .ts files just as well. English
translations equal the source text (marked finished so lrelease reports nothing missing).
Run: python3 app/viewer/translations/fill_translations.py
"""
import html
import pathlib
import re
import sys

NL = {
    "Hot spot, 99% confidence": "Hotspot, 99% betrouwbaarheid",
    "Hot spot, 95% confidence": "Hotspot, 95% betrouwbaarheid",
    "Hot spot, 90% confidence": "Hotspot, 90% betrouwbaarheid",
    "Cold spot, 90% confidence": "Coldspot, 90% betrouwbaarheid",
    "Cold spot, 95% confidence": "Coldspot, 95% betrouwbaarheid",
    "Cold spot, 99% confidence": "Coldspot, 99% betrouwbaarheid",
    "Not significant": "Niet significant",
    "geheim / no data (%1)": "geheim / geen gegevens (%1)",
    "High-High (cluster)": "Hoog-hoog (cluster)",
    "Low-Low (cluster)": "Laag-laag (cluster)",
    "High-Low (outlier)": "Hoog-laag (uitschieter)",
    "Low-High (outlier)": "Laag-hoog (uitschieter)",
    "score %1": "score %1",
    "Hot spots (Getis-Ord Gi*)": "Hotspots (Getis-Ord Gi*)",
    "events per km2": "registraties per km²",
    "black spot (meets the definition) (%1)": "black spot (voldoet aan de definitie) (%1)",
    "below the threshold (%1)": "onder de drempel (%1)",
    "Black spots: %1 (size = %2)": "Black spots: %1 (grootte = %2)",
    "junctions": "kruispunten",
    "road sections": "wegvakken (black spots)",
    "Roads: NWB, accidents: BRON (Rijkswaterstaat)": "Wegen: NWB, ongevallen: BRON (Rijkswaterstaat)",
    "weighted events per km2": "gewogen registraties per km²",
    "Density: %1": "Dichtheid: %1",
    "Density: %1 (%2)": "Dichtheid: %1 (%2)",
    "Raster colour ramp": "Raster met kleurverloop",
    "Clusters and outliers (local Moran's I)": "Clusters en uitschieters (lokale Moran's I)",
    "No neighbours (%1)": "Geen buren (%1)",
    "no value / no neighbours (%1)": "geen waarde / geen buren (%1)",
    "No.": "Nr.",
    "Area": "Gebied",
    "Theme": "Thema",
    "Reason": "Reden",
    "Partners": "Partners",
    "Period": "Periode",
    "X (RD)": "X (RD)",
    "Y (RD)": "Y (RD)",
    "significant (p < 0.01)": "significant (p < 0,01)",
    "significant (p < 0.05)": "significant (p < 0,05)",
    "not significant": "niet significant",
    "geheim": "geheim",
    "exact conditional Poisson test, two-sided: p = %1": "exacte conditionele Poisson-toets, tweezijdig: p = %1",
    "Current": "Huidig",
    "Expected": "Verwacht",
    "Change": "Verandering",
    "Significance": "Significantie",
    "Per 1,000 inh.": "Per 1.000 inw.",
    "Rank": "Rang",
    "Trend": "Trend",
    "Hot spot": "Hotspot",
    "%1 inhabitants": "%1 inwoners",
    "%1 registrations": "%1 registraties",
    "%1\n%2 features\nsource: %3": "%1\n%2 objecten\nbron: %3",
    "Gebiedscan viewer": "Gebiedscan-viewer",
    "&File": "&Bestand",
    "Open scan &folder...": "Scan&map openen...",
    "Open scan folder": "Scanmap openen",
    "Add &layer...": "&Laag toevoegen...",
    "Add layer": "Laag toevoegen",
    "Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)":
        "Vectorbestanden (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters en achtergrondkaarten (*.tif *.tiff *.gpkg *.mbtiles);;Alle bestanden (*)",
    "Export map as &PNG...": "Kaart exporteren als &PNG...",
    "Export PNG": "PNG exporteren",
    "PNG image (*.png)": "PNG-afbeelding (*.png)",
    "Resolution": "Resolutie",
    "Dots per inch:": "Punten per inch (dpi):",
    "Export": "Exporteren",
    "Could not write %1": "Kon %1 niet schrijven",
    "Export map as P&DF...": "Kaart exporteren als P&DF...",
    "Export PDF": "PDF exporteren",
    "PDF document (*.pdf)": "PDF-document (*.pdf)",
    "&Quit": "&Afsluiten",
    "&View": "Beel&d",
    "Zoom to &all layers": "Zoomen naar &alle lagen",
    "Zoom to selected &layer": "Zoomen naar geselecteerde &laag",
    "Show &legend on map": "&Legenda op de kaart tonen",
    "Map": "Kaart",
    "Identify": "Informatie",
    "Click an area to read its gebiedscan": "Klik op een gebied om de gebiedscan te lezen",
    "Place AOL": "AOL plaatsen",
    "Click the map to mark a candidate location for an agreement (AOL)":
        "Klik op de kaart om een kandidaatlocatie voor een afspraak op locatie (AOL) te markeren",
    "Theme:": "Thema:",
    "Registrations": "Registraties",
    "Registrations %1": "Registraties %1",
    "Zoom to &selection": "Zoomen naar &selectie",
    "Reading the figures per period...": "Cijfers per periode worden gelezen...",
    "Suggest top 5": "Top 5 voorstellen",
    "Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations":
        "Voeg kandidaten toe uit de top van de black-spot- of hotspotranglijst, anders de gebieden met de meeste registraties",
    "No ranked locations to suggest.": "Geen locaties in een ranglijst om voor te stellen.",
    "black spot, score %1": "black spot, score %1",
    "hot spot 99%, Gi* z = %1": "hotspot 99%, Gi* z = %1",
    "%1 registrations (current period)": "%1 registraties (huidige periode)",
    "Per 1,000 inhabitants": "Per 1.000 inwoners",
    "Change (%)": "Verandering (%)",
    " Period:": " Periode:",
    "Scale 1:%1": "Schaal 1:%1",
    "%1 ms": "%1 ms",
    "Layers": "Lagen",
    "Up": "Omhoog",
    "Down": "Omlaag",
    "Opacity": "Dekking",
    "Single colour": "Eén kleur",
    "Choropleth": "Choropleet (klassen)",
    "Gi* hot spots": "Gi*-hotspots",
    "LISA quadrants": "LISA-kwadranten",
    "Sized symbols": "Symbolen naar grootte",
    "Style": "Stijl",
    "Field": "Veld",
    "Quantiles": "Kwantielen",
    "Natural breaks (Jenks)": "Natuurlijke grenzen (Jenks)",
    "Equal interval": "Gelijke intervallen",
    "Manual": "Handmatig",
    "Classification": "Klassenindeling",
    "Classes": "Klassen",
    "e.g. 10; 25; 50": "bijv. 10; 25; 50",
    "Manual breaks": "Eigen grenzen",
    "Colours": "Kleuren",
    "Gebiedscan": "Gebiedscan",
    "Click an area on the map.": "Klik op een gebied op de kaart.",
    "Sheet": "Gebiedscan",
    "Value": "Waarde",
    "Attributes": "Attributen",
    "AOL planning": "AOL-planning",
    "Remove": "Verwijderen",
    "Save (GeoPackage, Shapefile, CSV)...": "Opslaan (GeoPackage, Shapefile, CSV)...",
    "Load...": "Laden...",
    'Use "Place AOL" and click the map; double-click a cell to annotate.':
        'Kies "AOL plaatsen" en klik op de kaart; dubbelklik op een cel om aan te vullen.',
    "Cannot open %1:\n%2": "Kan %1 niet openen:\n%2",
    "Open": "Openen",
    "Gebiedscan viewer – %1": "Gebiedscan-viewer – %1",
    "current": "huidig",
    "%1 (current)": "%1 (huidig)",
    "RD %1, %2": "RD %1, %2",
    "WGS84 %1° N, %2° E": "WGS84 %1° NB, %2° OL",
    "Save AOL list in folder": "AOL-lijst opslaan in map",
    "AOL list saved: aol.gpkg, aol.shp, aol.csv in %1": "AOL-lijst opgeslagen: aol.gpkg, aol.shp, aol.csv in %1",
    "AOL": "AOL",
    "Saving failed:\n%1": "Opslaan mislukt:\n%1",
    "Load AOL list": "AOL-lijst laden",
    "AOL list (*.gpkg *.shp)": "AOL-lijst (*.gpkg *.shp)",
    "Loading failed:\n%1": "Laden mislukt:\n%1",
    "Gebiedscan: %1": "Gebiedscan: %1",
    "Boundaries: CBS, Kadaster (CC BY 4.0)": "Grenzen: CBS, Kadaster (CC BY 4.0)",
    "Period %1": "Periode %1",
    "Period %1 (reference %2)": "Periode %1 (referentie %2)",
    "SYNTHETIC registrations (demo)": "SYNTHETISCHE registraties (demo)",
    "Model: %1": "Model: %1",
    "cannot open '%1': no such file or folder": "kan '%1' niet openen: bestand of map bestaat niet",
    "Areas": "Gebieden",
    "Areas (%1)": "Gebieden (%1)",
    "Boundaries %1": "Grenzen %1",
    "'%1' holds no gebiedscan.gpkg or other layers": "'%1' bevat geen gebiedscan.gpkg of andere lagen",
    "%1: registrations %2": "%1: registraties %2",
    "%1: change against reference (%)": "%1: verandering t.o.v. referentie (%)",
    "%1: per 1,000 inhabitants": "%1: per 1.000 inwoners",
    "%1: registrations": "%1: registraties",
    "Expected count: the reference periods' count scaled to the current period's length":
        "Verwacht aantal: het aantal in de referentieperiode(n), omgerekend naar de lengte van de huidige periode",
    # Identify charts and selection.
    "fatal": "dodelijk",
    "injury": "letsel",
    "damage only": "UMS",
    "unknown": "onbekend",
    "No accidents per year in this layer.": "Deze laag heeft geen ongevallen per jaar.",
    "all severities": "alle ernst",
    "Selection of %1 areas: %2": "Selectie van %1 gebieden: %2",
    "registrations geheim": "registraties geheim",
    "This scan has no hour-of-week table (hot_times).": "Deze scan heeft geen tabel met tijdstippen (hot_times).",
    "No registrations in the current period.": "Geen registraties in de huidige periode.",
    "Reading the hour-of-week table...": "Tabel met uren van de week wordt gelezen...",
    "Hidden (geheim): too few registrations to show by hour.": "Geheim: te weinig registraties om per uur te tonen.",
    "Mon": "ma",
    "Tue": "di",
    "Wed": "wo",
    "Thu": "do",
    "Fri": "vr",
    "Sat": "za",
    "Sun": "zo",
    "up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)":
        "tot %1 per uur · piek %2 %3–%4 uur · %5 in totaal (aoristisch)",
    "%1 %2:00–%3:00: %4": "%1 %2:00–%3:00: %4",
    "&Clear selection": "Selectie &wissen",
    "Ctrl+click areas to select them; the sheet then sums the selection":
        "Ctrl+klik op gebieden om ze te selecteren; de gebiedscan telt de selectie dan op",
    "Hour of week of all themes": "Tijdstippen van alle thema's",
    "Show the hour-of-week chart of all registrations instead of the selected theme":
        "Toon de tijdstippen van alle registraties in plaats van het gekozen thema",
    "all themes": "alle thema's",
    "Hour of week: %1": "Tijdstippen: %1",
    "Hour of week: %1, %2": "Tijdstippen: %1, %2",
    "Accidents per year and severity": "Ongevallen per jaar en ernst",
    # AOL editing.
    "Move AOL": "AOL verplaatsen",
    "Drag an AOL pin to a new place; remove one with Delete in the AOL list":
        "Sleep een AOL-speld naar een nieuwe plek; verwijder er een met Delete in de AOL-lijst",
    "Remove AOL": "AOL verwijderen",
    # Basemaps.
    "Basemap: %1": "Achtergrondkaart: %1",
    # Levels, the total, credits (issue 15).
    "Level:": "Niveau:",
    "Chg.": "Verand.",
    "Sign.": "Sign.",
    "/1,000 inh.": "/1.000 inw.",
    "Change against the expected count (%)": "Verandering ten opzichte van het verwachte aantal (%)",
    "Significance of the change (exact conditional Poisson test)":
        "Significantie van de verandering (exacte voorwaardelijke Poisson-toets)",
    "Registrations per 1,000 inhabitants": "Registraties per 1.000 inwoners",
    " Theme:": " Thema:",
    "Total": "Totaal",
    "Hot spots (Gi*): %1": "Hotspots (Gi*): %1",
    "%1: source unknown": "%1: bron onbekend",
    "Sources: %1": "Bronnen: %1",
    "Period %1": "Periode %1",
    "p < 0.01": "p < 0,01",
    "p < 0.05": "p < 0,05",
    "Other themes": "Overige thema's",
    "Safe living environment": "Veilige woon- en leefomgeving",
    "Business and safety": "Bedrijvigheid en veiligheid",
    "Youth and safety": "Jeugd en veiligheid",
    "Physical safety": "Fysieke veiligheid",
    "Integrity and safety": "Integriteit en veiligheid",
    "Export sheet as &CSV...": "Gebiedsblad exporteren als &CSV...",
    "Export sheet as p&icture...": "Gebiedsblad exporteren als af&beelding...",
    "Export sheet": "Gebiedsblad exporteren",
    "CSV for Excel (*.csv)": "CSV voor Excel (*.csv)",
    "hot spot 99%": "hotspot 99%",
    "gebiedscan-viewer: no theme '%1' in the data": "gebiedscan-viewer: geen thema '%1' in de gegevens",
    "gebiedscan-viewer: no level '%1' in the data (levels: %2)":
        "gebiedscan-viewer: geen niveau '%1' in de gegevens (niveaus: %2)",
    "gebiedscan-viewer: indicator '%1' needs inhabitants, which the areas lack":
        "gebiedscan-viewer: indicator '%1' vraagt inwoners, en die hebben de gebieden niet",
    "gebiedscan-viewer: no period '%1' in the scan (periods: %2)":
        "gebiedscan-viewer: geen periode '%1' in de scan (perioden: %2)",
    "RD New is used far outside the Netherlands: the map is drawn in %1 instead":
        "RD New ligt ver buiten Nederland: de kaart is getekend in %1",
    "Map in %1": "Kaart in %1",
}


def fill(path: pathlib.Path, table):
    text = path.read_text(encoding="utf-8")
    missing = []

    text = re.sub(r"<source>(.*?)</source>(\s*(?:<comment>.*?</comment>\s*)?)<translation[^>]*>.*?</translation>",
                  lambda m: "<source>" + m.group(1) + "</source>" + m.group(2) + "<translation>"
                  + html.escape((table.get(html.unescape(m.group(1)), None) if table is not None else None)
                                or html.unescape(m.group(1)), quote=False) + "</translation>",
                  text, flags=re.S)
    for m in re.finditer(r"<source>(.*?)</source>", text, flags=re.S):
        if table is not None and html.unescape(m.group(1)) not in table:
            missing.append(html.unescape(m.group(1)))
    path.write_text(text, encoding="utf-8")
    return missing


here = pathlib.Path(__file__).resolve().parent
missing = fill(here / "gebiedscan_viewer_nl.ts", NL)
fill(here / "gebiedscan_viewer_en.ts", None)
for m in missing:
    print("untranslated (nl):", repr(m), file=sys.stderr)
sys.exit(1 if missing else 0)
