#include "csv_stream_writer.hpp"

namespace gebiedscan::gis::detail {

CsvStreamWriter::CsvStreamWriter(const std::filesystem::path& file, char separator, bool bom, std::string shownPath)
    : m_file(file, std::move(shownPath)), m_separator(separator)
{
    if (bom) m_file.buffer() += "\xEF\xBB\xBF"; // Excel reads UTF-8 only with a BOM
}

void CsvStreamWriter::field(std::string_view text)
{
    std::string& out = m_file.buffer();
    if (m_fieldsInLine++ > 0) out += m_separator;
    if (!text.empty()) m_lineEmpty = false;
    if (text.find_first_of("\",;\t\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void CsvStreamWriter::endLine()
{
    std::string& out = m_file.buffer();
    if (m_fieldsInLine == 1 && m_lineEmpty) out += m_separator;
    out += "\r\n";
    m_fieldsInLine = 0;
    m_lineEmpty = true;
    m_file.flushIfFull();
}

} // namespace gebiedscan::gis::detail
