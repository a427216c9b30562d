#pragma once
// Private: a streaming CSV writer byte-compatible with GDAL's CSV driver as table_writer used it
// (STRING_QUOTING=IF_NEEDED, LINEFORMAT=CRLF, optional ';' and BOM), without an OGRFeature per
// row: that driver spent a quarter of a large scan's time (issue 17).
#include "buffered_output_file.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace gebiedscan::gis::detail {

class CsvStreamWriter {
public:
    /// Opens `file` for writing (truncating). Throws OutputError naming `shownPath`.
    CsvStreamWriter(const std::filesystem::path& file, char separator, bool bom, std::string shownPath);

    /// Appends one field of the current line, quoted as GDAL's CPLES_CSV does: only when it holds
    /// a quote, ',', ';', tab, CR or LF, and then with doubled quotes.
    void field(std::string_view text);
    /// Ends the current line (CRLF). A line of a single empty field gets a trailing separator, as
    /// GDAL writes it, so a reader sees a field.
    void endLine();
    /// Flushes and closes; throws OutputError when any write failed (disk full).
    void close() { m_file.close(); }

private:
    BufferedOutputFile m_file;
    char m_separator;
    int m_fieldsInLine = 0;
    bool m_lineEmpty = true;
};

} // namespace gebiedscan::gis::detail
