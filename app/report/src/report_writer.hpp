#pragma once
// gebiedscan report: the veiligheidsanalyse of a scan folder as a PDF and, beside it, the same
// content as one self-contained HTML file (images inline as data: URIs). Needs a
// QGuiApplication (fonts, painting); the command line makes one on the offscreen platform.
#include "report_options.hpp"

#include "gebiedscan/pipeline/reporter.hpp"

namespace gebiedscan::report {

/// Writes options.pdf and its .html twin. Throws gebiedscan::InputError (not a scan folder, no
/// such level or areas) or gebiedscan::OutputError (cannot write). Files appear complete or not
/// at all (written beside and renamed).
ReportResult writeReport(const ReportOptions& options, pipeline::Reporter& reporter);

/// The HTML twin of a PDF path: report.pdf -> report.html.
[[nodiscard]] QString htmlPathFor(const QString& pdf);

} // namespace gebiedscan::report
