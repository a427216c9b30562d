#pragma once
// The hook of a count table into runScan (private to the pipeline).
#include "gebiedscan/pipeline/count_table.hpp"
#include "gebiedscan/pipeline/scan_result.hpp"

#include "gebiedscan/gis/area_reader.hpp"

namespace gebiedscan::pipeline {

class Reporter;

/// Fills r.counts, r.accounting, r.countTable, the source and the columns used from `table` for
/// the base areas of `areas` and the periods of r.model (resolved). A table has no times of
/// day and no months: no hour-of-week, no monthly trend. Warns when the table holds nothing for
/// the reference periods (every change would be a rise).
void fillFromCountTable(CountTable& table, const gis::AreaLayer& areas, ScanResult& r, Reporter& reporter);

} // namespace gebiedscan::pipeline
