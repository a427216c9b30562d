#include "buffered_output_file.hpp"

#include "gebiedscan/core/error.hpp"

#include <cerrno>
#include <cstring>

namespace gebiedscan::gis::detail {

namespace {
constexpr std::size_t kBufferBytes = 1 << 20;
}

BufferedOutputFile::BufferedOutputFile(const std::filesystem::path& file, std::string shownPath)
    : m_shownPath(std::move(shownPath))
{
    m_file = std::fopen(file.c_str(), "wb");
    if (!m_file) throw OutputError("cannot create '" + m_shownPath + "': " + std::strerror(errno));
    m_buffer.reserve(kBufferBytes + 4096);
}

BufferedOutputFile::~BufferedOutputFile()
{
    if (m_file) std::fclose(m_file);
}

void BufferedOutputFile::flushIfFull()
{
    if (m_buffer.size() < kBufferBytes) return;
    if (!m_failed && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) m_failed = true;
    m_buffer.clear();
}

void BufferedOutputFile::close()
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
