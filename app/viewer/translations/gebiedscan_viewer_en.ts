<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Legend</name>
    <message>
        <location filename="../src/layer_style.cpp" line="40"/>
        <source>events per km2</source>
        <translation>events per km2</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="41"/>
        <source>weighted events per km2</source>
        <translation>weighted events per km2</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="129"/>
        <source>Hot spot, 99% confidence</source>
        <translation>Hot spot, 99% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="130"/>
        <source>Hot spot, 95% confidence</source>
        <translation>Hot spot, 95% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="131"/>
        <source>Hot spot, 90% confidence</source>
        <translation>Hot spot, 90% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="132"/>
        <source>Cold spot, 90% confidence</source>
        <translation>Cold spot, 90% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="133"/>
        <source>Cold spot, 95% confidence</source>
        <translation>Cold spot, 95% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="134"/>
        <source>Cold spot, 99% confidence</source>
        <translation>Cold spot, 99% confidence</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="135"/>
        <location filename="../src/layer_style.cpp" line="430"/>
        <source>Not significant</source>
        <translation>Not significant</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="159"/>
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>Hot spots (Getis-Ord Gi*)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="160"/>
        <source>Clusters and outliers (local Moran&apos;s I)</source>
        <translation>Clusters and outliers (local Moran's I)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="163"/>
        <source>Black spots: %1 (size = %2)</source>
        <translation>Black spots: %1 (size = %2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="168"/>
        <source>Density: %1</source>
        <translation>Density: %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="169"/>
        <source>Density: %1 (%2)</source>
        <translation>Density: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="382"/>
        <location filename="../src/layer_style.cpp" line="424"/>
        <source>geheim / no data (%1)</source>
        <translation>geheim / no data (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="421"/>
        <source>No neighbours (%1)</source>
        <translation>No neighbours (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="431"/>
        <source>High-High (cluster)</source>
        <translation>High-High (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="432"/>
        <source>Low-Low (cluster)</source>
        <translation>Low-Low (cluster)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="433"/>
        <source>High-Low (outlier)</source>
        <translation>High-Low (outlier)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="434"/>
        <source>Low-High (outlier)</source>
        <translation>Low-High (outlier)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="455"/>
        <source>no value / no neighbours (%1)</source>
        <translation>no value / no neighbours (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="524"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="530"/>
        <source>black spot (meets the definition) (%1)</source>
        <translation>black spot (meets the definition) (%1)</translation>
    </message>
    <message>
        <location filename="../src/layer_style.cpp" line="534"/>
        <source>below the threshold (%1)</source>
        <translation>below the threshold (%1)</translation>
    </message>
</context>
<context>
    <name>ScanProject</name>
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
        <location filename="../src/scan_project.cpp" line="203"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="315"/>
        <source>cannot open &apos;%1&apos;: no such file or folder</source>
        <translation>cannot open '%1': no such file or folder</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="326"/>
        <source>Map in %1</source>
        <translation>Map in %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="406"/>
        <source>Areas</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="407"/>
        <source>Areas (%1)</source>
        <translation>Areas (%1)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="424"/>
        <source>Boundaries %1</source>
        <translation>Boundaries %1</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="435"/>
        <source>&apos;%1&apos; holds no gebiedscan.gpkg or other layers</source>
        <translation>'%1' holds no gebiedscan.gpkg or other layers</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="464"/>
        <source>RD New is used far outside the Netherlands: the map is drawn in %1 instead</source>
        <translation>RD New is used far outside the Netherlands: the map is drawn in %1 instead</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="611"/>
        <location filename="../src/scan_project.cpp" line="625"/>
        <source>%1: registrations %2</source>
        <translation>%1: registrations %2</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="615"/>
        <source>%1: change against reference (%)</source>
        <translation>%1: change against reference (%)</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="619"/>
        <source>%1: per 1,000 inhabitants</source>
        <translation>%1: per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="624"/>
        <source>%1: registrations</source>
        <translation>%1: registrations</translation>
    </message>
    <message>
        <location filename="../src/scan_project.cpp" line="640"/>
        <source>Hot spots (Gi*): %1</source>
        <translation>Hot spots (Gi*): %1</translation>
    </message>
</context>
<context>
    <name>ViewerCli</name>
    <message>
        <location filename="../src/viewer_cli.cpp" line="161"/>
        <source>gebiedscan-viewer: no theme &apos;%1&apos; in the data</source>
        <translation>gebiedscan-viewer: no theme '%1' in the data</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="169"/>
        <source>gebiedscan-viewer: no level &apos;%1&apos; in the data (levels: %2)</source>
        <translation>gebiedscan-viewer: no level '%1' in the data (levels: %2)</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="177"/>
        <source>gebiedscan-viewer: indicator &apos;%1&apos; needs inhabitants, which the areas lack</source>
        <translation>gebiedscan-viewer: indicator '%1' needs inhabitants, which the areas lack</translation>
    </message>
    <message>
        <location filename="../src/viewer_cli.cpp" line="184"/>
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
        <source>not significant</source>
        <translation>not significant</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="44"/>
        <location filename="../src/area_sheet_model.cpp" line="155"/>
        <source>geheim</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="89"/>
        <source>Expected count: the reference periods&apos; count scaled to the current period&apos;s length</source>
        <translation>Expected count: the reference periods' count scaled to the current period's length</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="91"/>
        <source>exact conditional Poisson test, two-sided: p = %1</source>
        <translation>exact conditional Poisson test, two-sided: p = %1</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="100"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="101"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="102"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="103"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="104"/>
        <source>Significance</source>
        <translation>Significance</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="105"/>
        <source>Per 1,000 inh.</source>
        <translation>Per 1,000 inh.</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="106"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="107"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="108"/>
        <source>Hot spot</source>
        <translation>Hot spot</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="149"/>
        <location filename="../src/area_sheet_model.cpp" line="200"/>
        <source>%1 inhabitants</source>
        <translation>%1 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="151"/>
        <location filename="../src/area_sheet_model.cpp" line="205"/>
        <source>%1 registrations</source>
        <translation>%1 registrations</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="199"/>
        <source>Selection of %1 areas: %2</source>
        <translation>Selection of %1 areas: %2</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="204"/>
        <source>registrations geheim</source>
        <translation>registrations geheim</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="231"/>
        <source>Other themes</source>
        <translation>Other themes</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="250"/>
        <source>Safe living environment</source>
        <translation>Safe living environment</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="251"/>
        <source>Business and safety</source>
        <translation>Business and safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="252"/>
        <source>Youth and safety</source>
        <translation>Youth and safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="253"/>
        <source>Physical safety</source>
        <translation>Physical safety</translation>
    </message>
    <message>
        <location filename="../src/area_sheet_model.cpp" line="254"/>
        <source>Integrity and safety</source>
        <translation>Integrity and safety</translation>
    </message>
</context>
<context>
    <name>gebiedscan::viewer::HourOfWeekChart</name>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="36"/>
        <source>This scan has no hour-of-week table (hot_times).</source>
        <translation>This scan has no hour-of-week table (hot_times).</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="37"/>
        <source>Reading the hour-of-week table...</source>
        <translation>Reading the hour-of-week table...</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="38"/>
        <location filename="../src/hour_of_week_chart.cpp" line="40"/>
        <source>No registrations in the current period.</source>
        <translation>No registrations in the current period.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="39"/>
        <source>Hidden (geheim): too few registrations to show by hour.</source>
        <translation>Hidden (geheim): too few registrations to show by hour.</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="48"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="49"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="50"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="51"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="52"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="53"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="54"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="134"/>
        <source>up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)</source>
        <translation>up to %1 per hour · peak %2 %3–%4 h · %5 in total (aoristic)</translation>
    </message>
    <message>
        <location filename="../src/hour_of_week_chart.cpp" line="152"/>
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
        <location filename="../src/main_window.cpp" line="96"/>
        <source>Gebiedscan viewer</source>
        <translation>Gebiedscan viewer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="102"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="103"/>
        <source>Open scan &amp;folder...</source>
        <translation>Open scan &amp;folder...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="104"/>
        <source>Open scan folder</source>
        <translation>Open scan folder</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="108"/>
        <source>Add &amp;layer...</source>
        <translation>Add &amp;layer...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="110"/>
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="111"/>
        <source>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)</source>
        <translation>Vector data (*.gpkg *.shp *.geojson *.json *.gml *.csv);;Rasters and basemaps (*.tif *.tiff *.gpkg *.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="116"/>
        <source>Export map as &amp;PNG...</source>
        <translation>Export map as &amp;PNG...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="118"/>
        <source>Export PNG</source>
        <translation>Export PNG</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="118"/>
        <location filename="../src/main_window.cpp" line="139"/>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="121"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="121"/>
        <source>Dots per inch:</source>
        <translation>Dots per inch:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="122"/>
        <location filename="../src/main_window.cpp" line="127"/>
        <location filename="../src/main_window.cpp" line="134"/>
        <location filename="../src/main_window.cpp" line="141"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="122"/>
        <location filename="../src/main_window.cpp" line="127"/>
        <location filename="../src/main_window.cpp" line="134"/>
        <location filename="../src/main_window.cpp" line="141"/>
        <source>Could not write %1</source>
        <translation>Could not write %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="124"/>
        <source>Export map as P&amp;DF...</source>
        <translation>Export map as P&amp;DF...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="126"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="126"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="129"/>
        <source>Export sheet as &amp;CSV...</source>
        <translation>Export sheet as &amp;CSV...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="130"/>
        <location filename="../src/main_window.cpp" line="137"/>
        <source>Export sheet</source>
        <translation>Export sheet</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="132"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="136"/>
        <source>Export sheet as p&amp;icture...</source>
        <translation>Export sheet as p&amp;icture...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="144"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="146"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="148"/>
        <source>Zoom to &amp;all layers</source>
        <translation>Zoom to &amp;all layers</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="150"/>
        <source>Zoom to selected &amp;layer</source>
        <translation>Zoom to selected &amp;layer</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="154"/>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="156"/>
        <source>&amp;Clear selection</source>
        <translation>&amp;Clear selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="157"/>
        <source>Ctrl+click areas to select them; the sheet then sums the selection</source>
        <translation>Ctrl+click areas to select them; the sheet then sums the selection</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="158"/>
        <source>Show &amp;legend on map</source>
        <translation>Show &amp;legend on map</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="163"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="173"/>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="176"/>
        <source>Click an area to read its gebiedscan</source>
        <translation>Click an area to read its gebiedscan</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="177"/>
        <source>Place AOL</source>
        <translation>Place AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="179"/>
        <source>Click the map to mark a candidate location for an agreement (AOL)</source>
        <translation>Click the map to mark a candidate location for an agreement (AOL)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="180"/>
        <source>Move AOL</source>
        <translation>Move AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="182"/>
        <source>Drag an AOL pin to a new place; remove one with Delete in the AOL list</source>
        <translation>Drag an AOL pin to a new place; remove one with Delete in the AOL list</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="191"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="193"/>
        <source>Level:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="199"/>
        <source> Theme:</source>
        <translation> Theme:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="204"/>
        <source>Registrations</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="205"/>
        <source>Per 1,000 inhabitants</source>
        <translation>Per 1,000 inhabitants</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="206"/>
        <source>Change (%)</source>
        <translation>Change (%)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="208"/>
        <source> Period:</source>
        <translation> Period:</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="232"/>
        <source>Scale 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="235"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="247"/>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="255"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="256"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="273"/>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="275"/>
        <source>Single colour</source>
        <translation>Single colour</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="276"/>
        <source>Choropleth</source>
        <translation>Choropleth</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="277"/>
        <source>Gi* hot spots</source>
        <translation>Gi* hot spots</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="278"/>
        <source>LISA quadrants</source>
        <translation>LISA quadrants</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="279"/>
        <source>Sized symbols</source>
        <translation>Sized symbols</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="280"/>
        <source>Raster colour ramp</source>
        <translation>Raster colour ramp</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="281"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="283"/>
        <location filename="../src/main_window.cpp" line="354"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="285"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="286"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="287"/>
        <source>Equal interval</source>
        <translation>Equal interval</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="288"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="289"/>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="292"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="294"/>
        <source>e.g. 10; 25; 50</source>
        <translation>e.g. 10; 25; 50</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="295"/>
        <source>Manual breaks</source>
        <translation>Manual breaks</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="298"/>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="320"/>
        <location filename="../src/main_window.cpp" line="1073"/>
        <source>Gebiedscan</source>
        <translation>Gebiedscan</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="325"/>
        <source>Click an area on the map.</source>
        <translation>Click an area on the map.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="341"/>
        <source>Hour of week of all themes</source>
        <translation>Hour of week of all themes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="342"/>
        <source>Show the hour-of-week chart of all registrations instead of the selected theme</source>
        <translation>Show the hour-of-week chart of all registrations instead of the selected theme</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="352"/>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="354"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="357"/>
        <source>Attributes</source>
        <translation>Attributes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="365"/>
        <source>AOL planning</source>
        <translation>AOL planning</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="374"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="375"/>
        <source>Save (GeoPackage, Shapefile, CSV)...</source>
        <translation>Save (GeoPackage, Shapefile, CSV)...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="376"/>
        <source>Load...</source>
        <translation>Load...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="377"/>
        <source>Suggest top 5</source>
        <translation>Suggest top 5</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="378"/>
        <source>Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations</source>
        <translation>Add candidates from the top of the black-spot or hot spot ranking, else the areas with most registrations</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="382"/>
        <source>No ranked locations to suggest.</source>
        <translation>No ranked locations to suggest.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="384"/>
        <source>Use &quot;Place AOL&quot; and click the map; double-click a cell to annotate.</source>
        <translation>Use "Place AOL" and click the map; double-click a cell to annotate.</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="397"/>
        <source>Remove AOL</source>
        <translation>Remove AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="425"/>
        <source>Cannot open %1:
%2</source>
        <translation>Cannot open %1:
%2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="429"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="446"/>
        <source>Gebiedscan viewer – %1</source>
        <translation>Gebiedscan viewer – %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="507"/>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="508"/>
        <source>%1 (current)</source>
        <translation>%1 (current)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="565"/>
        <source>Reading the figures per period...</source>
        <translation>Reading the figures per period...</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="614"/>
        <source>all themes</source>
        <translation>all themes</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="616"/>
        <source>Hour of week: %1</source>
        <translation>Hour of week: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="617"/>
        <source>Hour of week: %1, %2</source>
        <translation>Hour of week: %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="687"/>
        <source>RD %1, %2</source>
        <translation>RD %1, %2</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="696"/>
        <source>WGS84 %1° N, %2° E</source>
        <translation>WGS84 %1° N, %2° E</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="865"/>
        <source>Accidents per year and severity</source>
        <translation>Accidents per year and severity</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="986"/>
        <source>black spot, score %1</source>
        <translation>black spot, score %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1016"/>
        <source>hot spot 99%</source>
        <translation>hot spot 99%</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1017"/>
        <source>hot spot 99%, Gi* z = %1</source>
        <translation>hot spot 99%, Gi* z = %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1028"/>
        <source>%1 registrations (current period)</source>
        <translation>%1 registrations (current period)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1034"/>
        <source>Save AOL list in folder</source>
        <translation>Save AOL list in folder</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1038"/>
        <source>AOL list saved: aol.gpkg, aol.shp, aol.csv in %1</source>
        <translation>AOL list saved: aol.gpkg, aol.shp, aol.csv in %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1040"/>
        <location filename="../src/main_window.cpp" line="1052"/>
        <source>AOL</source>
        <translation>AOL</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1040"/>
        <source>Saving failed:
%1</source>
        <translation>Saving failed:
%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1047"/>
        <source>Load AOL list</source>
        <translation>Load AOL list</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1047"/>
        <source>AOL list (*.gpkg *.shp)</source>
        <translation>AOL list (*.gpkg *.shp)</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1052"/>
        <source>Loading failed:
%1</source>
        <translation>Loading failed:
%1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1062"/>
        <source>Gebiedscan: %1</source>
        <translation>Gebiedscan: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1068"/>
        <source>Registrations %1</source>
        <translation>Registrations %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1111"/>
        <source>%1: source unknown</source>
        <translation>%1: source unknown</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1114"/>
        <source>Period %1</source>
        <translation>Period %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1121"/>
        <source>Sources: %1</source>
        <translation>Sources: %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1123"/>
        <source>Map in %1</source>
        <translation>Map in %1</translation>
    </message>
    <message>
        <location filename="../src/main_window.cpp" line="1122"/>
        <source>Basemap: %1</source>
        <translation>Basemap: %1</translation>
    </message>
</context>
</TS>
