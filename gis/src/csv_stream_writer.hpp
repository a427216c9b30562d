#pragma once
// Private: a streaming CSV writer byte-compatible with GDAL's CSV driver as table_writer used it
// (STRING_QUOTING=IF_NEEDED, LINEFORMAT=CRLF, optional ';' and BOM), without an OGRFeature per
// row: that driver spent a quarter of a large scan's time (issue 17).
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace gebiedscan::gis::detail {

class CsvStreamWriter {
public:
    /// Opens `file` for writing (truncating). Throws OutputError naming `shownPath`.
    CsvStreamWriter(const std::filesystem::path& file, char separator, bool bom, std::string shownPath);
    ~CsvStreamWriter();
    CsvStreamWriter(const CsvStreamWriter&) = delete;
    CsvStreamWriter& operator=(const CsvStreamWriter&) = delete;

    /// Appends one field of the current line, quoted as GDAL's CPLES_CSV does: only when it holds
    /// a quote, ',', ';', tab, CR or LF, and then with doubled quotes.
    void field(std::string_view text);
    /// Ends the current line (CRLF). A line of a single empty field gets a trailing separator, as
    /// GDAL writes it, so a reader sees a field.
    void endLine();
    /// Flushes and closes; throws OutputError when any write failed (disk full).
    void close();

private:
    void flushIfFull();
    std::FILE* m_file = nullptr;
    std::string m_buffer;
    std::string m_shownPath;
    char m_separator;
    int m_fieldsInLine = 0;
    bool m_lineEmpty = true;
    bool m_failed = false;
};

} // namespace gebiedscan::gis::detail
