<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Legend</name>
    <message>
        <location filename="../src/layer_style.cpp" line="175"/>
        <source>Objective against survey</source>
        <translation>Objective against survey</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="553"/>
        <source>geheim / no survey figure (%1)</source>
        <translation>geheim / no survey figure (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="42"/>
        <source>events per km2</source>
        <translation>events per km2</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="43"/>
        <source>weighted events per km2</source>
        <translation>weighted events per km2</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="117"/>
        <source>Hot spot, 99% confidence</source>
        <translation>Hot spot, 99% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="118"/>
        <source>Hot spot, 95% confidence</source>
        <translation>Hot spot, 95% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="119"/>
        <source>Hot spot, 90% confidence</source>
        <translation>Hot spot, 90% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="120"/>
        <source>Cold spot, 90% confidence</source>
        <translation>Cold spot, 90% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="121"/>
        <source>Cold spot, 95% confidence</source>
        <translation>Cold spot, 95% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="122"/>
        <source>Cold spot, 99% confidence</source>
        <translation>Cold spot, 99% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="123"/>
        <location filename="../src/layer_style.cpp" line="459"/>
        <source>Not significant</source>
        <translation>Not significant</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="172"/>
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>Hot spots (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="173"/>
        <source>Clusters and outliers (local Moran&apos;s I)</source>
        <translation>Clusters and outliers (local Moran's I)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="174"/>
        <source>Emerging hot spots (trend)</source>
        <translation>Emerging hot spots (trend)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="178"/>
        <source>Black spots: %1 (size = %2)</source>
        <translation>Black spots: %1 (size = %2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="183"/>
        <source>Density: %1</source>
        <translation>Density: %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="184"/>
        <source>Density: %1 (%2)</source>
        <translation>Density: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="411"/>
        <location filename="../src/layer_style.cpp" line="453"/>
        <location filename="../src/layer_style.cpp" line="516"/>
        <source>geheim / no data (%1)</source>
        <translation>geheim / no data (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="450"/>
        <source>No neighbours (%1)</source>
        <translation>No neighbours (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="460"/>
        <source>High-High (cluster)</source>
        <translation>High-High (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="461"/>
        <source>Low-Low (cluster)</source>
        <translation>Low-Low (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="462"/>
        <source>High-Low (outlier)</source>
        <translation>High-Low (outlier)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="463"/>
        <source>Low-High (outlier)</source>
        <translation>Low-High (outlier)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="484"/>
        <source>no value / no neighbours (%1)</source>
        <translation>no value / no neighbours (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="622"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="628"/>
        <source>black spot (meets the definition) (%1)</source>
        <translation>black spot (meets the definition) (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="632"/>
        <source>below the threshold (%1)</source>
        <translation>below the threshold (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="645"/>
        <source>too small for a reliable rate (%1)</source>
        <translation>too small for a reliable rate (%1)</translation>
    </message>
</context>
<context>
    <name>ScanProject</name>
    <message>
        <location filename="../src/scan_project.cpp" line="719"/>
        <source>Objective against survey: %1</source>
        <translation>Objective against survey: %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="97"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="140"/>
        <source>junctions</source>
        <translation>junctions</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="142"/>
        <source>road sections</source>
        <translation>road sections</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="185"/>
        <source>Period %1</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="186"/>
        <source>Period %1 (reference %2)</source>
        <translation>Period %1 (reference %2)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="200"/>
        <source>SYNTHETIC registrations (demo)</source>
        <translation>SYNTHETIC registrations (demo)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="220"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="332"/>
        <source>cannot open &apos;%1&apos;: no such file or folder</source>
        <translation>cannot open '%1': no such file or folder</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="343"/>
        <source>Map in %1</source>
        <translation>Map in %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="441"/>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="442"/>
        <location filename="../src/scan_project.cpp" line="460"/>
        <source>Areas (%1)</source>
        <translation>Areas (%1)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="471"/>
        <source>&apos;%1&apos; holds no gebiedscan.gpkg or other layers</source>
        <translation>'%1' holds no gebiedscan.gpkg or other layers</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="396"/>
        <location filename="../src/scan_project.cpp" line="500"/>
        <source>RD New is used far outside the Netherlands: the map is drawn in %1 instead</source>
        <translation>RD New is used far outside the Netherlands: the map is drawn in %1 instead</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="695"/>
        <location filename="../src/scan_project.cpp" line="730"/>
        <source>%1: registrations %2</source>
        <translation>%1: registrations %2</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="699"/>
        <source>%1: change against reference (%)</source>
        <translation>%1: change against reference (%)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="709"/>
        <source>%1: per 1,000 (EB-smoothed)</source>
        <translation>%1: per 1,000 (EB-smoothed)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="711"/>
        <source>%1: per 1,000 (local EB, with neighbours)</source>
        <translation>%1: per 1,000 (local EB, with neighbours)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="712"/>
        <source>%1: per 1,000 inhabitants</source>
        <translation>%1: per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="724"/>
        <source>%1: emerging hot spots (trend)</source>
        <translation>%1: emerging hot spots (trend)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="729"/>
        <source>%1: registrations</source>
        <translation>%1: registrations</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="745"/>
        <source>Hot spots (Gi*): %1</source>
        <translation>Hot spots (Gi*): %1</translation>
    </message>
</context>
<context>
    <name>ViewerCli</name>
    <message>
        <location filename="../src/viewer_cli.cpp" line="86"/>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot needs a file name</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="88"/>
        <source>--size needs WxH</source>
        <translation>--size needs WxH</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="95"/>
        <source>--size must be WxH, e.g. 1600x1000 (100..20000 pixels)</source>
        <translation>--size must be WxH, e.g. 1600x1000 (100..20000 pixels)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="97"/>
        <source>--scale needs a number</source>
        <translation>--scale needs a number</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="101"/>
        <source>--scale must be between 0.5 and 8</source>
        <translation>--scale must be between 0.5 and 8</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="103"/>
        <source>--theme needs a theme id</source>
        <translation>--theme needs a theme id</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="109"/>
        <source>--indicator must be n, rate, eb, ebl, change_pct, trend, kwadrant or kwadrant:INDICATOR</source>
        <translation>--indicator must be n, rate, eb, ebl, change_pct, trend, kwadrant or kwadrant:INDICATOR</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="113"/>
        <source>--period needs a period</source>
        <translation>--period needs a period</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="116"/>
        <source>--crs needs a CRS, e.g. EPSG:32631</source>
        <translation>--crs needs a CRS, e.g. EPSG:32631</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="119"/>
        <source>--level needs a level, e.g. wijk or gemeente</source>
        <translation>--level needs a level, e.g. wijk or gemeente</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="122"/>
        <source>--lang must be nl or en</source>
        <translation>--lang must be nl or en</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="124"/>
        <source>--identify needs X,Y in RD metres</source>
        <translation>--identify needs X,Y in RD metres</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="130"/>
        <source>--identify needs X,Y in RD metres, e.g. 233500,557000</source>
        <translation>--identify needs X,Y in RD metres, e.g. 233500,557000</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="133"/>
        <source>--show needs layer names, e.g. hotspots</source>
        <translation>--show needs layer names, e.g. hotspots</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="139"/>
        <source>--suggest-aol needs a number 1..100</source>
        <translation>--suggest-aol needs a number 1..100</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="142"/>
        <source>--select needs X,Y;X,Y... in RD metres</source>
        <translation>--select needs X,Y;X,Y... in RD metres</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="148"/>
        <source>--select needs X,Y;X,Y... in RD metres, e.g. 233500,557000;240000,555000</source>
        <translation>--select needs X,Y;X,Y... in RD metres, e.g. 233500,557000;240000,555000</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="154"/>
        <source>--print needs a .pdf or .png file name</source>
        <translation>--print needs a .pdf or .png file name</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="157"/>
        <source>--paper must be A4 or A3</source>
        <translation>--paper must be A4 or A3</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="165"/>
        <source>--dpi needs a number 72..600</source>
        <translation>--dpi needs a number 72..600</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="171"/>
        <source>unknown option %1</source>
        <translation>unknown option %1</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="177"/>
        <source>--print needs a folder or layer to show</source>
        <translation>--print needs a folder or layer to show</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="179"/>
        <source>--screenshot needs a folder or layer to show</source>
        <translation>--screenshot needs a folder or layer to show</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="216"/>
        <source>gebiedscan-viewer: no theme &apos;%1&apos; in the data</source>
        <translation>gebiedscan-viewer: no theme '%1' in the data</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="224"/>
        <source>gebiedscan-viewer: no level &apos;%1&apos; in the data (levels: %2)</source>
        <translation>gebiedscan-viewer: no level '%1' in the data (levels: %2)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="232"/>
        <source>gebiedscan-viewer: indicator &apos;%1&apos; needs inhabitants, which the areas lack</source>
        <translation>gebiedscan-viewer: indicator '%1' needs inhabitants, which the areas lack</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="236"/>
        <source>gebiedscan-viewer: indicator &apos;%1&apos; is not in the data for this theme and level (the scan wrote no such column)</source>
        <translation>gebiedscan-viewer: indicator '%1' is not in the data for this theme and level (the scan wrote no such column)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="244"/>
        <source>gebiedscan-viewer: no period &apos;%1&apos; in the scan (periods: %2)</source>
        <translation>gebiedscan-viewer: no period '%1' in the scan (periods: %2)</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::AccidentChart</name>
    <message>
        <location filename="../src/accident_chart.cpp" line="42"/>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="43"/>
        <source>injury</source>
        <translation>injury</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="44"/>
        <source>damage only</source>
        <translation>damage only</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="47"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="98"/>
        <source>No accidents per year in this layer.</source>
        <translation>No accidents per year in this layer.</translation>
    </message>
    <message>
        <location filename="../src/accident_chart.cpp" line="143"/>
        <source>all severities</source>
        <translation>all severities</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::AolModel</name>
    <message>
        <location filename="../src/aol_model.cpp" line="48"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="49"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="50"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="51"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="52"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../src/aol_model.cpp" line="53"/>
        <source>Period</source>
        <translation>Period</translation>
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
        <translation>p &lt; 0.01</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="35"/>
        <source>p &lt; 0.05</source>
        <translation>p &lt; 0.05</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="36"/>
        <location filename="../src/area_sheet_model.cpp" line="75"/>
        <source>not significant</source>
        <translation>not significant</translation>
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
        <translation>* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 registrations expected)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="100"/>
        <source>* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 registrations expected); EB-smoothed: %1 per 1,000</source>
        <translation>* too small for a reliable rate (fewer than 50 inhabitants or fewer than 5 registrations expected); EB-smoothed: %1 per 1,000</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="105"/>
        <source>Expected count: the reference periods&apos; count scaled to the current period&apos;s length</source>
        <translation>Expected count: the reference periods' count scaled to the current period's length</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="107"/>
        <source>exact conditional Poisson test, two-sided: p = %1</source>
        <translation>exact conditional Poisson test, two-sided: p = %1</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="117"/>
        <source>Change against the expected count (%)</source>
        <translation>Change against the expected count (%)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="118"/>
        <source>Significance of the change (exact conditional Poisson test)</source>
        <translation>Significance of the change (exact conditional Poisson test)</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="119"/>
        <source>Registrations per 1,000 inhabitants</source>
        <translation>Registrations per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="125"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="126"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="127"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="128"/>
        <source>Chg.</source>
        <translation>Chg.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="129"/>
        <source>Sign.</source>
        <translation>Sign.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="130"/>
        <source>/1,000 inh.</source>
        <translation>/1,000 inh.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="131"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="132"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="133"/>
        <source>Hot spot</source>
        <translation>Hot spot</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="176"/>
        <location filename="../src/area_sheet_model.cpp" line="227"/>
        <source>%1 inhabitants</source>
        <translation>%1 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="178"/>
        <location filename="../src/area_sheet_model.cpp" line="232"/>
        <source>%1 registrations</source>
        <translation>%1 registrations</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="226"/>
        <source>Selection of %1 areas: %2</source>
        <translation>Selection of %1 areas: %2</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="231"/>
        <source>registrations geheim</source>
        <translation>registrations geheim</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="258"/>
        <source>Other themes</source>
        <translation>Other themes</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="277"/>
        <source>Safe living environment</source>
        <translation>Safe living environment</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="278"/>
        <source>Business and safety</source>
        <translation>Business and safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="279"/>
        <source>Youth and safety</source>
        <translation>Youth and safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="280"/>
        <source>Physical safety</source>
        <translation>Physical safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="281"/>
        <source>Integrity and safety</source>
        <translation>Integrity and safety</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::HourOfWeekChart</name>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="38"/>
        <source>This scan has no hour-of-week table (hot_times).</source>
        <translation>This scan has no hour-of-week table (hot_times).</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="39"/>
        <source>Reading the hour-of-week table...</source>
        <translation>Reading the hour-of-week table...</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="40"/>
        <location filename="../src/hour_of_week_chart.cpp" line="58"/>
        <source>No registrations in the current period.</source>
        <translation>No registrations in the current period.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="41"/>
        <source>Hidden (geheim): too few registrations to show by hour.</source>
        <translation>Hidden (geheim): too few registrations to show by hour.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="43"/>
        <source>No time of day known: the registrations have dates only, so there is no hour of week or peak hour.</source>
        <translation>No time of day known: the registrations have dates only, so there is no hour of week or peak hour.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="47"/>
        <source>The hours of the week are not published outside the police.</source>
        <translation>The hours of the week are not published outside the police.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="48"/>
        <location filename="../src/hour_of_week_chart.cpp" line="54"/>
        <source>Busiest hour of all registrations: %1.</source>
        <translation>Busiest hour of all registrations: %1.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="52"/>
        <source>Outside the police the hours of the week are published for all themes together only, not per theme: tick &quot;Hour of week of all themes&quot;.</source>
        <translation>Outside the police the hours of the week are published for all themes together only, not per theme: tick "Hour of week of all themes".</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="66"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="67"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="68"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="69"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="70"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="71"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="72"/>
        <source>Sun</source>
        <translation>Sun</translation>
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
        <translation>up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="193"/>
        <source>%1 hidden hours · of the published hours up to %2 per hour, the busiest %3 %4–%5 h</source>
        <translation>%1 hidden hours · of the published hours up to %2 per hour, the busiest %3 %4–%5 h</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="198"/>
        <source>%1 hidden hours · every published hour 0</source>
        <translation>%1 hidden hours · every published hour 0</translation>
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
%2 features
source: %3</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::MainWindow</name>
    <message>
        <location filename="../src/main_window.cpp" line="103"/>
        <source>Gebiedscan viewer</source>
        <translation>Gebiedscan viewer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="110"/>
        <source>Open scan &amp;folder...</source>
        <translation>Open scan &amp;folder...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="111"/>
        <source>Open scan folder</source>
        <translation>Open scan folder</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="115"/>
        <source>Add &amp;layer...</source>
        <translation>Add &amp;layer...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="117"/>
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="118"/>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="123"/>
        <source>Export map as &amp;PNG...</source>
        <translation>Export map as &amp;PNG...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="125"/>
        <source>Export PNG</source>
        <translation>Export PNG</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="125"/>
        <location filename="../src/main_window.cpp" line="168"/>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="128"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="128"/>
        <source>Dots per inch:</source>
        <translation>Dots per inch:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="130"/>
        <location filename="../src/main_window.cpp" line="136"/>
        <location filename="../src/main_window.cpp" line="163"/>
        <location filename="../src/main_window.cpp" line="170"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="130"/>
        <location filename="../src/main_window.cpp" line="136"/>
        <location filename="../src/main_window.cpp" line="163"/>
        <location filename="../src/main_window.cpp" line="170"/>
        <source>Could not write %1</source>
        <translation>Could not write %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="132"/>
        <source>Export map as P&amp;DF...</source>
        <translation>Export map as P&amp;DF...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="134"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="134"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="140"/>
        <source>Pape&amp;r</source>
        <translation>Pape&amp;r</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="152"/>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="152"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="158"/>
        <source>Export sheet as &amp;CSV...</source>
        <translation>Export sheet as &amp;CSV...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="159"/>
        <location filename="../src/main_window.cpp" line="166"/>
        <source>Export sheet</source>
        <translation>Export sheet</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="161"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="165"/>
        <source>Export sheet as p&amp;icture...</source>
        <translation>Export sheet as p&amp;icture...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="173"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="175"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="177"/>
        <source>Zoom to &amp;all layers</source>
        <translation>Zoom to &amp;all layers</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="179"/>
        <source>Zoom to selected &amp;layer</source>
        <translation>Zoom to selected &amp;layer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="183"/>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="185"/>
        <source>&amp;Clear selection</source>
        <translation>&amp;Clear selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="186"/>
        <source>Ctrl+click areas to select them; the sheet then sums the selection</source>
        <translation>Ctrl+click areas to select them; the sheet then sums the selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="187"/>
        <source>Show &amp;legend on map</source>
        <translation>Show &amp;legend on map</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="192"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="202"/>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="205"/>
        <source>Click an area to read its gebiedscan</source>
        <translation>Click an area to read its gebiedscan</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="206"/>
        <source>Place AOL</source>
        <translation>Place AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="208"/>
        <source>Click the map to mark a candidate location for an agreement (AOL)</source>
        <translation>Click the map to mark a candidate location for an agreement (AOL)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="209"/>
        <source>Move AOL</source>
        <translation>Move AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="211"/>
        <source>Drag an AOL pin to a new place; remove one with Delete in the AOL list</source>
        <translation>Drag an AOL pin to a new place; remove one with Delete in the AOL list</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="220"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="222"/>
        <source>Level:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="228"/>
        <source> Theme:</source>
        <translation> Theme:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="233"/>
        <source>Registrations</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="234"/>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="235"/>
        <source>Per 1,000 (EB-smoothed)</source>
        <translation>Per 1,000 (EB-smoothed)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="236"/>
        <source>Per 1,000 (local EB)</source>
        <translation>Per 1,000 (local EB)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="237"/>
        <source>Change (%)</source>
        <translation>Change (%)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="238"/>
        <source>Trend (emerging hot spots)</source>
        <translation>Trend (emerging hot spots)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="241"/>
        <source> Period:</source>
        <translation> Period:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="265"/>
        <source>Scale 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="268"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="280"/>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="288"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="289"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="306"/>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="308"/>
        <source>Single colour</source>
        <translation>Single colour</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="309"/>
        <source>Choropleth</source>
        <translation>Choropleth</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="310"/>
        <source>Gi* hot spots</source>
        <translation>Gi* hot spots</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="311"/>
        <source>LISA quadrants</source>
        <translation>LISA quadrants</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="312"/>
        <source>Emerging hot spots (trend)</source>
        <translation>Emerging hot spots (trend)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="313"/>
        <source>Sized symbols</source>
        <translation>Sized symbols</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="314"/>
        <source>Raster colour ramp</source>
        <translation>Raster colour ramp</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="315"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="317"/>
        <location filename="../src/main_window.cpp" line="391"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="319"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="320"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="321"/>
        <source>Equal interval</source>
        <translation>Equal interval</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="322"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="323"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="326"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="328"/>
        <source>e.g. 10; 25; 50</source>
        <translation>e.g. 10; 25; 50</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="329"/>
        <source>Manual breaks</source>
        <translation>Manual breaks</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="332"/>
        <source>Colours</source>
        <translation>Colours</translation>
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
        <translation>Click an area on the map.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="378"/>
        <source>Hour of week of all themes</source>
        <translation>Hour of week of all themes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="379"/>
        <source>Show the hour-of-week chart of all registrations instead of the selected theme</source>
        <translation>Show the hour-of-week chart of all registrations instead of the selected theme</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="389"/>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="391"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="394"/>
        <source>Attributes</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="402"/>
        <source>AOL planning</source>
        <translation>AOL planning</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="411"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="412"/>
        <source>Save (GeoPackage, Shapefile, CSV)...</source>
        <translation>Save (GeoPackage, Shapefile, CSV)...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="413"/>
        <source>Load...</source>
        <translation>Load...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="414"/>
        <source>Suggest top 5</source>
        <translation>Suggest top 5</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="416"/>
        <source>Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations; then the survey&apos;s AOL candidates (objective and subjective both high)</source>
        <translation>Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations; then the survey's AOL candidates (objective and subjective both high)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="420"/>
        <source>No ranked locations to suggest.</source>
        <translation>No ranked locations to suggest.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="422"/>
        <source>Use &quot;Place AOL&quot; and click the map; double-click a cell to annotate.</source>
        <translation>Use "Place AOL" and click the map; double-click a cell to annotate.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="435"/>
        <source>Remove AOL</source>
        <translation>Remove AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="465"/>
        <source>Cannot open %1:
%2</source>
        <translation>Cannot open %1:
%2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="469"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="492"/>
        <source>Gebiedscan viewer – %1</source>
        <translation>Gebiedscan viewer – %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="548"/>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="549"/>
        <source>%1 (current)</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="599"/>
        <source>Survey: %1 (objective against subjective)</source>
        <translation>Survey: %1 (objective against subjective)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="662"/>
        <source>Reading the figures per period...</source>
        <translation>Reading the figures per period...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="733"/>
        <source>Outside the police the hours of the week are not published.</source>
        <translation>Outside the police the hours of the week are not published.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="735"/>
        <source>The hours of the week are not published outside the police at this level.</source>
        <translation>The hours of the week are not published outside the police at this level.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="738"/>
        <source>They are for the %1 (all themes together).</source>
        <translation>They are for the %1 (all themes together).</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="742"/>
        <source>all themes</source>
        <translation>all themes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="745"/>
        <source>Hour of week: %1</source>
        <translation>Hour of week: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="745"/>
        <source>Hour of week: %1, %2</source>
        <translation>Hour of week: %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="816"/>
        <source>RD %1, %2</source>
        <translation>RD %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="825"/>
        <source>WGS84 %1° N, %2° E</source>
        <translation>WGS84 %1° N, %2° E</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="997"/>
        <source>Accidents per year and severity</source>
        <translation>Accidents per year and severity</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1137"/>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1138"/>
        <source>survey: objective and subjective both high</source>
        <translation>survey: objective and subjective both high</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1139"/>
        <source>survey: objective and subjective both high (%1)</source>
        <translation>survey: objective and subjective both high (%1)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1199"/>
        <source>black spot, score %1</source>
        <translation>black spot, score %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1229"/>
        <source>hot spot 99%</source>
        <translation>hot spot 99%</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1230"/>
        <source>hot spot 99%, Gi* z = %1</source>
        <translation>hot spot 99%, Gi* z = %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1241"/>
        <source>%1 registrations (current period)</source>
        <translation>%1 registrations (current period)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1247"/>
        <source>Save AOL list in folder</source>
        <translation>Save AOL list in folder</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1251"/>
        <source>AOL list saved: aol.gpkg, aol.shp, aol.csv in %1</source>
        <translation>AOL list saved: aol.gpkg, aol.shp, aol.csv in %1</translation>
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
        <translation>Saving failed:
%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1260"/>
        <source>Load AOL list</source>
        <translation>Load AOL list</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1260"/>
        <source>AOL list (*.gpkg *.shp)</source>
        <translation>AOL list (*.gpkg *.shp)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1265"/>
        <source>Loading failed:
%1</source>
        <translation>Loading failed:
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
        <translation>Registrations %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1344"/>
        <source>%1: source unknown</source>
        <translation>%1: source unknown</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1349"/>
        <source>Period %1</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1356"/>
        <source>Sources: %1</source>
        <translation>Sources: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1358"/>
        <source>Map in %1</source>
        <translation>Map in %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1357"/>
        <source>Basemap: %1</source>
        <translation>Basemap: %1</translation>
    </message>
</context>
</TS>
