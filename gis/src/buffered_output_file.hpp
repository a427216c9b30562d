#pragma once
// Private: a file written through a large buffer, for the streaming writers (CSV, GeoJSON) that
// replaced GDAL's per-feature drivers (issue 17). Every failed write (disk full) is remembered and
// reported once, by close().
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace gebiedscan::gis::detail {

class BufferedOutputFile {
public:
    /// Opens `file` for writing (truncating). Throws OutputError naming `shownPath`.
    BufferedOutputFile(const std::filesystem::path& file, std::string shownPath);
    ~BufferedOutputFile();
    BufferedOutputFile(const BufferedOutputFile&) = delete;
    BufferedOutputFile& operator=(const BufferedOutputFile&) = delete;

    /// The buffer to append to; call flushIfFull() now and then (after each line or feature).
    std::string& buffer() { return m_buffer; }
    void flushIfFull();
    /// Flushes and closes; throws OutputError when any write failed.
    void close();

private:
    std::FILE* m_file = nullptr;
    std::string m_buffer;
    std::string m_shownPath;
    bool m_failed = false;
};

} // namespace gebiedscan::gis::detail
