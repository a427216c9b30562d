#include "csv_stream_writer.hpp"

#include "gebiedscan/core/error.hpp"

#include <cerrno>
#include <cstring>

namespace gebiedscan::gis::detail {

namespace {
constexpr std::size_t kBufferBytes = 1 << 20;
}

CsvStreamWriter::CsvStreamWriter(const std::filesystem::path& file, char separator, bool bom, std::string shownPath)
    : m_shownPath(std::move(shownPath)), m_separator(separator)
{
    m_file = std::fopen(file.c_str(), "wb");
    if (!m_file) throw OutputError("cannot create '" + m_shownPath + "': " + std::strerror(errno));
    m_buffer.reserve(kBufferBytes + 4096);
    if (bom) m_buffer += "\xEF\xBB\xBF"; // Excel reads UTF-8 only with a BOM
}

CsvStreamWriter::~CsvStreamWriter()
{
    if (m_file) std::fclose(m_file);
}

void CsvStreamWriter::field(std::string_view text)
{
    if (m_fieldsInLine++ > 0) m_buffer += m_separator;
    if (!text.empty()) m_lineEmpty = false;
    if (text.find_first_of("\",;\t\r\n") == std::string_view::npos) {
        m_buffer += text;
        return;
    }
    m_buffer += '"';
    for (const char c : text) {
        if (c == '"') m_buffer += '"';
        m_buffer += c;
    }
    m_buffer += '"';
}

void CsvStreamWriter::endLine()
{
    if (m_fieldsInLine == 1 && m_lineEmpty) m_buffer += m_separator;
    m_buffer += "\r\n";
    m_fieldsInLine = 0;
    m_lineEmpty = true;
    flushIfFull();
}

void CsvStreamWriter::flushIfFull()
{
    if (m_buffer.size() < kBufferBytes) return;
    if (!m_failed && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) m_failed = true;
    m_buffer.clear();
}

void CsvStreamWriter::close()
{
    if (!m_file) return;
    bool ok = !m_failed && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) == m_buffer.size();
    const int error = errno;
    m_buffer.clear();
    ok = std::fflush(m_file) == 0 && ok;
    ok = std::fclose(m_file) == 0 && ok;
    m_file = nullptr;
    if (!ok) throw OutputError("cannot write '" + m_shownPath + "': " + std::strerror(error ? error : errno));
}

} // namespace gebiedscan::gis::detail
