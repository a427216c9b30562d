<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Legend</name>
    <message>
        <location filename="../src/layer_style.cpp" line="175"/>
        <source>Objective against survey</source>
        <translation>Objectief tegenover enquête</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="553"/>
        <source>geheim / no survey figure (%1)</source>
        <translation>geheim / geen enquêtecijfer (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="42"/>
        <source>events per km2</source>
        <translation>registraties per km²</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="43"/>
        <source>weighted events per km2</source>
        <translation>gewogen registraties per km²</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="117"/>
        <source>Hot spot, 99% confidence</source>
        <translation>Hotspot, 99% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="118"/>
        <source>Hot spot, 95% confidence</source>
        <translation>Hotspot, 95% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="119"/>
        <source>Hot spot, 90% confidence</source>
        <translation>Hotspot, 90% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="120"/>
        <source>Cold spot, 90% confidence</source>
        <translation>Coldspot, 90% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="121"/>
        <source>Cold spot, 95% confidence</source>
        <translation>Coldspot, 95% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="122"/>
        <source>Cold spot, 99% confidence</source>
        <translation>Coldspot, 99% betrouwbaarheid</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="123"/>
        <location filename="../src/layer_style.cpp" line="459"/>
        <source>Not significant</source>
        <translation>Niet significant</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="172"/>
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>Hotspots (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="173"/>
        <source>Clusters and outliers (local Moran&apos;s I)</source>
        <translation>Clusters en uitschieters (lokale Moran's I)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="174"/>
        <source>Emerging hot spots (trend)</source>
        <translation>Opkomende hotspots (trend)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="178"/>
        <source>Black spots: %1 (size = %2)</source>
        <translation>Black spots: %1 (grootte = %2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="183"/>
        <source>Density: %1</source>
        <translation>Dichtheid: %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="184"/>
        <source>Density: %1 (%2)</source>
        <translation>Dichtheid: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="411"/>
        <location filename="../src/layer_style.cpp" line="453"/>
        <location filename="../src/layer_style.cpp" line="516"/>
        <source>geheim / no data (%1)</source>
        <translation>geheim / geen gegevens (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="450"/>
        <source>No neighbours (%1)</source>
        <translation>Geen buren (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="460"/>
        <source>High-High (cluster)</source>
        <translation>Hoog-hoog (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="461"/>
        <source>Low-Low (cluster)</source>
        <translation>Laag-laag (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="462"/>
        <source>High-Low (outlier)</source>
        <translation>Hoog-laag (uitschieter)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="463"/>
        <source>Low-High (outlier)</source>
        <translation>Laag-hoog (uitschieter)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="484"/>
        <source>no value / no neighbours (%1)</source>
        <translation>geen waarde / geen buren (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="622"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="628"/>
        <source>black spot (meets the definition) (%1)</source>
        <translation>black spot (voldoet aan de definitie) (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="632"/>
        <source>below the threshold (%1)</source>
        <translation>onder de drempel (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="645"/>
        <source>too small for a reliable rate (%1)</source>
        <translation>te klein voor een betrouwbaar cijfer (%1)</translation>
    </message>
</context>
<context>
    <name>ScanProject</name>
    <message>
        <location filename="../src/scan_project.cpp" line="719"/>
        <source>Objective against survey: %1</source>
        <translation>Objectief tegenover enquête: %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="97"/>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="140"/>
        <source>junctions</source>
        <translation>kruispunten</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="142"/>
        <source>road sections</source>
        <translation>wegvakken (black spots)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="185"/>
        <source>Period %1</source>
        <translation>Periode %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="186"/>
        <source>Period %1 (reference %2)</source>
        <translation>Periode %1 (referentie %2)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="200"/>
        <source>SYNTHETIC registrations (demo)</source>
        <translation>SYNTHETISCHE registraties (demo)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="220"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="332"/>
        <source>cannot open &apos;%1&apos;: no such file or folder</source>
        <translation>kan '%1' niet openen: bestand of map bestaat niet</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="343"/>
        <source>Map in %1</source>
        <translation>Kaart in %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="441"/>
        <source>Areas</source>
        <translation>Gebieden</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="442"/>
        <location filename="../src/scan_project.cpp" line="460"/>
        <source>Areas (%1)</source>
        <translation>Gebieden (%1)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="471"/>
        <source>&apos;%1&apos; holds no gebiedscan.gpkg or other layers</source>
        <translation>'%1' bevat geen gebiedscan.gpkg of andere lagen</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="396"/>
        <location filename="../src/scan_project.cpp" line="500"/>
        <source>RD New is used far outside the Netherlands: the map is drawn in %1 instead</source>
        <translation>RD New ligt ver buiten Nederland: de kaart is getekend in %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="695"/>
        <location filename="../src/scan_project.cpp" line="730"/>
        <source>%1: registrations %2</source>
        <translation>%1: registraties %2</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="699"/>
        <source>%1: change against reference (%)</source>
        <translation>%1: verandering t.o.v. referentie (%)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="709"/>
        <source>%1: per 1,000 (EB-smoothed)</source>
        <translation>%1: per 1.000 inwoners (EB-gladgestreken)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="711"/>
        <source>%1: per 1,000 (local EB, with neighbours)</source>
        <translation>%1: per 1.000 inwoners (lokale EB, met buren)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="712"/>
        <source>%1: per 1,000 inhabitants</source>
        <translation>%1: per 1.000 inwoners</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="724"/>
        <source>%1: emerging hot spots (trend)</source>
        <translation>%1: opkomende hotspots (trend)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="729"/>
        <source>%1: registrations</source>
        <translation>%1: registraties</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="745"/>
        <source>Hot spots (Gi*): %1</source>
        <translation>Hotspots (Gi*): %1</translation>
    </message>
</context>
<context>
    <name>ViewerCli</name>
    <message>
        <location filename="../src/viewer_cli.cpp" line="86"/>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot vraagt een bestandsnaam</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="88"/>
        <source>--size needs WxH</source>
        <translation>--size vraagt BxH</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="95"/>
        <source>--size must be WxH, e.g. 1600x1000 (100..20000 pixels)</source>
        <translation>--size moet BxH zijn, bijv. 1600x1000 (100 t/m 20000 pixels)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="97"/>
        <source>--scale needs a number</source>
        <translation>--scale vraagt een getal</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="101"/>
        <source>--scale must be between 0.5 and 8</source>
        <translation>--scale moet tussen 0,5 en 8 liggen</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="103"/>
        <source>--theme needs a theme id</source>
        <translation>--theme vraagt een thema-id</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="109"/>
        <source>--indicator must be n, rate, eb, ebl, change_pct, trend, kwadrant or kwadrant:INDICATOR</source>
        <translation>--indicator moet n, rate, eb, ebl, change_pct, trend, kwadrant of kwadrant:INDICATOR zijn</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="113"/>
        <source>--period needs a period</source>
        <translation>--period vraagt een periode</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="116"/>
        <source>--crs needs a CRS, e.g. EPSG:32631</source>
        <translation>--crs vraagt een coördinatenstelsel, bijv. EPSG:32631</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="119"/>
        <source>--level needs a level, e.g. wijk or gemeente</source>
        <translation>--level vraagt een niveau, bijv. wijk of gemeente</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="122"/>
        <source>--lang must be nl or en</source>
        <translation>--lang moet nl of en zijn</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="124"/>
        <source>--identify needs X,Y in RD metres</source>
        <translation>--identify vraagt X,Y in meters RD</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="130"/>
        <source>--identify needs X,Y in RD metres, e.g. 233500,557000</source>
        <translation>--identify vraagt X,Y in meters RD, bijv. 233500,557000</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="133"/>
        <source>--show needs layer names, e.g. hotspots</source>
        <translation>--show vraagt laagnamen, bijv. hotspots</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="139"/>
        <source>--suggest-aol needs a number 1..100</source>
        <translation>--suggest-aol vraagt een getal van 1 t/m 100</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="142"/>
        <source>--select needs X,Y;X,Y... in RD metres</source>
        <translation>--select vraagt X,Y;X,Y... in meters RD</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="148"/>
        <source>--select needs X,Y;X,Y... in RD metres, e.g. 233500,557000;240000,555000</source>
        <translation>--select vraagt X,Y;X,Y... in meters RD, bijv. 233500,557000;240000,555000</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="154"/>
        <source>--print needs a .pdf or .png file name</source>
        <translation>--print heeft een bestandsnaam op .pdf of .png nodig</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="157"/>
        <source>--paper must be A4 or A3</source>
        <translation>--paper moet A4 of A3 zijn</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="165"/>
        <source>--dpi needs a number 72..600</source>
        <translation>--dpi heeft een getal 72..600 nodig</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="171"/>
        <source>unknown option %1</source>
        <translation>onbekende optie %1</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="177"/>
        <source>--print needs a folder or layer to show</source>
        <translation>--print heeft een map of laag nodig om te tonen</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="179"/>
        <source>--screenshot needs a folder or layer to show</source>
        <translation>--screenshot vraagt een map of laag om te tonen</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="216"/>
        <source>gebiedscan-viewer: no theme &apos;%1&apos; in the data</source>
        <translation>gebiedscan-viewer: geen thema '%1' in de gegevens</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="224"/>
        <source>gebiedscan-viewer: no level &apos;%1&apos; in the data (levels: %2)</source>
        <translation>gebiedscan-viewer: geen niveau '%1' in de gegevens (niveaus: %2)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="232"/>
        <source>gebiedscan-viewer: indicator &apos;%1&apos; needs inhabitants, which the areas lack</source>
        <translation>gebiedscan-viewer: indicator '%1' vraagt inwoners, en die hebben de gebieden niet</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="236"/>
        <source>gebiedscan-viewer: indicator &apos;%1&apos; is not in the data for this theme and level (the scan wrote no such column)</source>
        <translation>gebiedscan-viewer: indicator '%1' zit niet in de gegevens van dit thema en niveau (de scan schreef die kolom niet)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="244"/>
        <source>gebiedscan-viewer: no period &apos;%1&apos; in the scan (periods: %2)</source>
        <translation>gebiedscan-viewer: geen periode '%1' in de scan (perioden: %2)</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::AccidentChart</name>
    <message>
        <location filename="../src/accident_chart.cpp" line="42"/>
        <source>fatal</source>
        <translation>dodelijk</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="43"/>
        <source>injury</source>
        <translation>letsel</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="44"/>
        <source>damage only</source>
        <translation>UMS</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="47"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="98"/>
        <source>No accidents per year in this layer.</source>
        <translation>Deze laag heeft geen ongevallen per jaar.</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="143"/>
        <source>all severities</source>
        <translation>alle ernst</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::AolModel</name>
    <message>
        <location filename="../src/aol_model.cpp" line="48"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="49"/>
        <source>Area</source>
        <translation>Gebied</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="50"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="51"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="52"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="53"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="54"/>
        <source>X (RD)</source>
        <translation>X (RD)</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="55"/>
        <source>Y (RD)</source>
        <translation>Y (RD)</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::AreaSheetModel</name>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="34"/>
        <source>p &lt; 0.01</source>
        <translation>p &lt; 0,01</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="35"/>
        <source>p &lt; 0.05</source>
        <translation>p &lt; 0,05</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="36"/>
        <location filename="../src/area_sheet_model.cpp" line="75"/>
        <source>not significant</source>
        <translation>niet significant</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="44"/>
        <location filename="../src/area_sheet_model.cpp" line="182"/>
        <source>geheim</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="98"/>
        <source>* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 registrations expected)</source>
        <translation>* te klein voor een betrouwbaar cijfer (minder dan 50 inwoners of minder dan 5 registraties verwacht)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="100"/>
        <source>* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 registrations expected); EB-smoothed: %1 per 1,000</source>
        <translation>* te klein voor een betrouwbaar cijfer (minder dan 50 inwoners of minder dan 5 registraties verwacht); EB-gladgestreken: %1 per 1.000</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="105"/>
        <source>Expected count: the reference periods&apos; count scaled to the current period&apos;s length</source>
        <translation>Verwacht aantal: het aantal in de referentieperiode(n), omgerekend naar de lengte van de huidige periode</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="107"/>
        <source>exact conditional Poisson test, two-sided: p = %1</source>
        <translation>exacte conditionele Poisson-toets, tweezijdig: p = %1</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="117"/>
        <source>Change against the expected count (%)</source>
        <translation>Verandering ten opzichte van het verwachte aantal (%)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="118"/>
        <source>Significance of the change (exact conditional Poisson test)</source>
        <translation>Significantie van de verandering (exacte voorwaardelijke Poisson-toets)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="119"/>
        <source>Registrations per 1,000 inhabitants</source>
        <translation>Registraties per 1.000 inwoners</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="125"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="126"/>
        <source>Current</source>
        <translation>Huidig</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="127"/>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="128"/>
        <source>Chg.</source>
        <translation>Verand.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="129"/>
        <source>Sign.</source>
        <translation>Sign.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="130"/>
        <source>/1,000 inh.</source>
        <translation>/1.000 inw.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="131"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="132"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="133"/>
        <source>Hot spot</source>
        <translation>Hotspot</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="176"/>
        <location filename="../src/area_sheet_model.cpp" line="227"/>
        <source>%1 inhabitants</source>
        <translation>%1 inwoners</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="178"/>
        <location filename="../src/area_sheet_model.cpp" line="232"/>
        <source>%1 registrations</source>
        <translation>%1 registraties</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="226"/>
        <source>Selection of %1 areas: %2</source>
        <translation>Selectie van %1 gebieden: %2</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="231"/>
        <source>registrations geheim</source>
        <translation>registraties geheim</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="258"/>
        <source>Other themes</source>
        <translation>Overige thema's</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="277"/>
        <source>Safe living environment</source>
        <translation>Veilige woon- en leefomgeving</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="278"/>
        <source>Business and safety</source>
        <translation>Bedrijvigheid en veiligheid</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="279"/>
        <source>Youth and safety</source>
        <translation>Jeugd en veiligheid</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="280"/>
        <source>Physical safety</source>
        <translation>Fysieke veiligheid</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="281"/>
        <source>Integrity and safety</source>
        <translation>Integriteit en veiligheid</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::HourOfWeekChart</name>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="38"/>
        <source>This scan has no hour-of-week table (hot_times).</source>
        <translation>Deze scan heeft geen tabel met tijdstippen (hot_times).</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="39"/>
        <source>Reading the hour-of-week table...</source>
        <translation>Tabel met uren van de week wordt gelezen...</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="40"/>
        <location filename="../src/hour_of_week_chart.cpp" line="58"/>
        <source>No registrations in the current period.</source>
        <translation>Geen registraties in de huidige periode.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="41"/>
        <source>Hidden (geheim): too few registrations to show by hour.</source>
        <translation>Geheim: te weinig registraties om per uur te tonen.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="43"/>
        <source>No time of day known: the registrations have dates only, so there is no hour of week or peak hour.</source>
        <translation>Geen tijdstip bekend: de registraties hebben alleen een datum, dus geen uur van de week en geen drukste uur.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="47"/>
        <source>The hours of the week are not published outside the police.</source>
        <translation>De uren van de week worden buiten de politie niet gepubliceerd.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="48"/>
        <location filename="../src/hour_of_week_chart.cpp" line="54"/>
        <source>Busiest hour of all registrations: %1.</source>
        <translation>Drukste uur van alle registraties: %1.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="52"/>
        <source>Outside the police the hours of the week are published for all themes together only, not per theme: tick &quot;Hour of week of all themes&quot;.</source>
        <translation>Buiten de politie worden de uren van de week alleen voor alle thema's samen gepubliceerd, niet per thema: vink "Tijdstippen van alle thema's" aan.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="66"/>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="67"/>
        <source>Tue</source>
        <translation>di</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="68"/>
        <source>Wed</source>
        <translation>wo</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="69"/>
        <source>Thu</source>
        <translation>do</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="70"/>
        <source>Fri</source>
        <translation>vr</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="71"/>
        <source>Sat</source>
        <translation>za</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="72"/>
        <source>Sun</source>
        <translation>zo</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="164"/>
        <location filename="../src/hour_of_week_chart.cpp" line="215"/>
        <source>geheim</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="188"/>
        <source>up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)</source>
        <translation>tot %1 per uur · piek %2 %3–%4 uur · %5 in totaal (aoristisch)</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="193"/>
        <source>%1 hidden hours · of the published hours up to %2 per hour, the busiest %3 %4–%5 h</source>
        <translation>%1 uur geheim · van de gepubliceerde uren tot %2 per uur, het drukste %3 %4–%5 uur</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="198"/>
        <source>%1 hidden hours · every published hour 0</source>
        <translation>%1 uur geheim · elk gepubliceerd uur 0</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="211"/>
        <source>%1 %2:00–%3:00: %4</source>
        <translation>%1 %2:00–%3:00: %4</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::LayerListModel</name>
    <message>
        <location filename="../src/layer_list_model.cpp" line="22"/>
        <source>%1
%2 features
source: %3</source>
        <translation>%1
%2 objecten
bron: %3</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::MainWindow</name>
    <message>
        <location filename="../src/main_window.cpp" line="103"/>
        <source>Gebiedscan viewer</source>
        <translation>Gebiedscan-viewer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="110"/>
        <source>Open scan &amp;folder...</source>
        <translation>Scan&amp;map openen...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="111"/>
        <source>Open scan folder</source>
        <translation>Scanmap openen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="115"/>
        <source>Add &amp;layer...</source>
        <translation>&amp;Laag toevoegen...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="117"/>
        <source>Add layer</source>
        <translation>Laag toevoegen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="118"/>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)</source>
        <translation>Vectorbestanden (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters en achtergrondkaarten (*.tif *.tiff *.gpkg *.mbtiles);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="123"/>
        <source>Export map as &amp;PNG...</source>
        <translation>Kaart exporteren als &amp;PNG...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="125"/>
        <source>Export PNG</source>
        <translation>PNG exporteren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="125"/>
        <location filename="../src/main_window.cpp" line="168"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="128"/>
        <source>Resolution</source>
        <translation>Resolutie</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="128"/>
        <source>Dots per inch:</source>
        <translation>Punten per inch (dpi):</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="130"/>
        <location filename="../src/main_window.cpp" line="136"/>
        <location filename="../src/main_window.cpp" line="163"/>
        <location filename="../src/main_window.cpp" line="170"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="130"/>
        <location filename="../src/main_window.cpp" line="136"/>
        <location filename="../src/main_window.cpp" line="163"/>
        <location filename="../src/main_window.cpp" line="170"/>
        <source>Could not write %1</source>
        <translation>Kon %1 niet schrijven</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="132"/>
        <source>Export map as P&amp;DF...</source>
        <translation>Kaart exporteren als P&amp;DF...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="134"/>
        <source>Export PDF</source>
        <translation>PDF exporteren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="134"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="140"/>
        <source>Pape&amp;r</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="152"/>
        <source>Landscape</source>
        <translation>Liggend</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="152"/>
        <source>Portrait</source>
        <translation>Staand</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="158"/>
        <source>Export sheet as &amp;CSV...</source>
        <translation>Gebiedsblad exporteren als &amp;CSV...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="159"/>
        <location filename="../src/main_window.cpp" line="166"/>
        <source>Export sheet</source>
        <translation>Gebiedsblad exporteren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="161"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV voor Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="165"/>
        <source>Export sheet as p&amp;icture...</source>
        <translation>Gebiedsblad exporteren als af&amp;beelding...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="173"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="175"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="177"/>
        <source>Zoom to &amp;all layers</source>
        <translation>Zoomen naar &amp;alle lagen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="179"/>
        <source>Zoom to selected &amp;layer</source>
        <translation>Zoomen naar geselecteerde &amp;laag</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="183"/>
        <source>Zoom to &amp;selection</source>
        <translation>Zoomen naar &amp;selectie</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="185"/>
        <source>&amp;Clear selection</source>
        <translation>Selectie &amp;wissen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="186"/>
        <source>Ctrl+click areas to select them; the sheet then sums the selection</source>
        <translation>Ctrl+klik op gebieden om ze te selecteren; de gebiedscan telt de selectie dan op</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="187"/>
        <source>Show &amp;legend on map</source>
        <translation>&amp;Legenda op de kaart tonen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="192"/>
        <source>Map</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="202"/>
        <source>Identify</source>
        <translation>Informatie</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="205"/>
        <source>Click an area to read its gebiedscan</source>
        <translation>Klik op een gebied om de gebiedscan te lezen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="206"/>
        <source>Place AOL</source>
        <translation>AOL plaatsen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="208"/>
        <source>Click the map to mark a candidate location for an agreement (AOL)</source>
        <translation>Klik op de kaart om een kandidaatlocatie voor een afspraak op locatie (AOL) te markeren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="209"/>
        <source>Move AOL</source>
        <translation>AOL verplaatsen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="211"/>
        <source>Drag an AOL pin to a new place; remove one with Delete in the AOL list</source>
        <translation>Sleep een AOL-speld naar een nieuwe plek; verwijder er een met Delete in de AOL-lijst</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="220"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="222"/>
        <source>Level:</source>
        <translation>Niveau:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="228"/>
        <source> Theme:</source>
        <translation> Thema:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="233"/>
        <source>Registrations</source>
        <translation>Registraties</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="234"/>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1.000 inwoners</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="235"/>
        <source>Per 1,000 (EB-smoothed)</source>
        <translation>Per 1.000 (EB-gladgestreken)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="236"/>
        <source>Per 1,000 (local EB)</source>
        <translation>Per 1.000 (lokale EB)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="237"/>
        <source>Change (%)</source>
        <translation>Verandering (%)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="238"/>
        <source>Trend (emerging hot spots)</source>
        <translation>Trend (opkomende hotspots)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="241"/>
        <source> Period:</source>
        <translation> Periode:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="265"/>
        <source>Scale 1:%1</source>
        <translation>Schaal 1:%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="268"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="280"/>
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="288"/>
        <source>Up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="289"/>
        <source>Down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="306"/>
        <source>Opacity</source>
        <translation>Dekking</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="308"/>
        <source>Single colour</source>
        <translation>Eén kleur</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="309"/>
        <source>Choropleth</source>
        <translation>Choropleet (klassen)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="310"/>
        <source>Gi* hot spots</source>
        <translation>Gi*-hotspots</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="311"/>
        <source>LISA quadrants</source>
        <translation>LISA-kwadranten</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="312"/>
        <source>Emerging hot spots (trend)</source>
        <translation>Opkomende hotspots (trend)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="313"/>
        <source>Sized symbols</source>
        <translation>Symbolen naar grootte</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="314"/>
        <source>Raster colour ramp</source>
        <translation>Raster met kleurverloop</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="315"/>
        <source>Style</source>
        <translation>Stijl</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="317"/>
        <location filename="../src/main_window.cpp" line="391"/>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="319"/>
        <source>Quantiles</source>
        <translation>Kwantielen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="320"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natuurlijke grenzen (Jenks)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="321"/>
        <source>Equal interval</source>
        <translation>Gelijke intervallen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="322"/>
        <source>Manual</source>
        <translation>Handmatig</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="323"/>
        <source>Classification</source>
        <translation>Klassenindeling</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="326"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="328"/>
        <source>e.g. 10; 25; 50</source>
        <translation>bijv. 10; 25; 50</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="329"/>
        <source>Manual breaks</source>
        <translation>Eigen grenzen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="332"/>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="354"/>
        <location filename="../src/main_window.cpp" line="1290"/>
        <source>Gebiedscan</source>
        <translation>Gebiedscan</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="359"/>
        <source>Click an area on the map.</source>
        <translation>Klik op een gebied op de kaart.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="378"/>
        <source>Hour of week of all themes</source>
        <translation>Tijdstippen van alle thema's</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="379"/>
        <source>Show the hour-of-week chart of all registrations instead of the selected theme</source>
        <translation>Toon de tijdstippen van alle registraties in plaats van het gekozen thema</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="389"/>
        <source>Sheet</source>
        <translation>Gebiedscan</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="391"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="394"/>
        <source>Attributes</source>
        <translation>Attributen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="402"/>
        <source>AOL planning</source>
        <translation>AOL-planning</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="411"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="412"/>
        <source>Save (GeoPackage, Shapefile, CSV)...</source>
        <translation>Opslaan (GeoPackage, Shapefile, CSV)...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="413"/>
        <source>Load...</source>
        <translation>Laden...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="414"/>
        <source>Suggest top 5</source>
        <translation>Top 5 voorstellen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="416"/>
        <source>Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations; then the survey&apos;s AOL candidates (objective and subjective both high)</source>
        <translation>Voeg kandidaten toe uit de top van de black-spot- of hotspotranglijst, anders de gebieden met de meeste registraties; daarna de AOL-kandidaten van de enquête (objectief en subjectief beide hoog)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="420"/>
        <source>No ranked locations to suggest.</source>
        <translation>Geen locaties in een ranglijst om voor te stellen.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="422"/>
        <source>Use &quot;Place AOL&quot; and click the map; double-click a cell to annotate.</source>
        <translation>Kies "AOL plaatsen" en klik op de kaart; dubbelklik op een cel om aan te vullen.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="435"/>
        <source>Remove AOL</source>
        <translation>AOL verwijderen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="465"/>
        <source>Cannot open %1:
%2</source>
        <translation>Kan %1 niet openen:
%2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="469"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="492"/>
        <source>Gebiedscan viewer – %1</source>
        <translation>Gebiedscan-viewer – %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="548"/>
        <source>current</source>
        <translation>huidig</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="549"/>
        <source>%1 (current)</source>
        <translation>%1 (huidig)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="599"/>
        <source>Survey: %1 (objective against subjective)</source>
        <translation>Enquête: %1 (objectief tegenover subjectief)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="662"/>
        <source>Reading the figures per period...</source>
        <translation>Cijfers per periode worden gelezen...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="733"/>
        <source>Outside the police the hours of the week are not published.</source>
        <translation>Buiten de politie worden de uren van de week niet gepubliceerd.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="735"/>
        <source>The hours of the week are not published outside the police at this level.</source>
        <translation>De uren van de week worden op dit niveau buiten de politie niet gepubliceerd.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="738"/>
        <source>They are for the %1 (all themes together).</source>
        <translation>Wel per %1 (alle thema's samen).</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="742"/>
        <source>all themes</source>
        <translation>alle thema's</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="745"/>
        <source>Hour of week: %1</source>
        <translation>Tijdstippen: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="745"/>
        <source>Hour of week: %1, %2</source>
        <translation>Tijdstippen: %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="816"/>
        <source>RD %1, %2</source>
        <translation>RD %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="825"/>
        <source>WGS84 %1° N, %2° E</source>
        <translation>WGS84 %1° NB, %2° OL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="997"/>
        <source>Accidents per year and severity</source>
        <translation>Ongevallen per jaar en ernst</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1137"/>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1138"/>
        <source>survey: objective and subjective both high</source>
        <translation>enquête: objectief en subjectief beide hoog</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1139"/>
        <source>survey: objective and subjective both high (%1)</source>
        <translation>enquête: objectief en subjectief beide hoog (%1)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1199"/>
        <source>black spot, score %1</source>
        <translation>black spot, score %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1229"/>
        <source>hot spot 99%</source>
        <translation>hotspot 99%</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1230"/>
        <source>hot spot 99%, Gi* z = %1</source>
        <translation>hotspot 99%, Gi* z = %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1241"/>
        <source>%1 registrations (current period)</source>
        <translation>%1 registraties (huidige periode)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1247"/>
        <source>Save AOL list in folder</source>
        <translation>AOL-lijst opslaan in map</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1251"/>
        <source>AOL list saved: aol.gpkg, aol.shp, aol.csv in %1</source>
        <translation>AOL-lijst opgeslagen: aol.gpkg, aol.shp, aol.csv in %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1253"/>
        <location filename="../src/main_window.cpp" line="1265"/>
        <source>AOL</source>
        <translation>AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1253"/>
        <source>Saving failed:
%1</source>
        <translation>Opslaan mislukt:
%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1260"/>
        <source>Load AOL list</source>
        <translation>AOL-lijst laden</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1260"/>
        <source>AOL list (*.gpkg *.shp)</source>
        <translation>AOL-lijst (*.gpkg *.shp)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1265"/>
        <source>Loading failed:
%1</source>
        <translation>Laden mislukt:
%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1276"/>
        <location filename="../src/main_window.cpp" line="1279"/>
        <source>Gebiedscan: %1</source>
        <translation>Gebiedscan: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1285"/>
        <source>Registrations %1</source>
        <translation>Registraties %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1344"/>
        <source>%1: source unknown</source>
        <translation>%1: bron onbekend</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1349"/>
        <source>Period %1</source>
        <translation>Periode %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1356"/>
        <source>Sources: %1</source>
        <translation>Bronnen: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1358"/>
        <source>Map in %1</source>
        <translation>Kaart in %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1357"/>
        <source>Basemap: %1</source>
        <translation>Achtergrondkaart: %1</translation>
    </message>
</context>
</TS>
