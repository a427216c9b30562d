#include "fuzz_support.hpp"

#include <clocale>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace gebiedscan::fuzz {

void quietGdal()
{
    // CPL_LOG sends GDAL's default error handler output to a file instead of stderr.
    ::setenv("CPL_LOG", "/dev/null", 1);
    ::setenv("CPL_DEBUG", "OFF", 1);
    std::setlocale(LC_ALL, "C");
}

std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& extension)
{
    static const std::filesystem::path dir = [] {
        const std::filesystem::path shm("/dev/shm");
        return std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
    }();
    const auto path = dir / ("gebiedscan-fuzz-" + std::to_string(::getpid()) + extension);
    std::ofstream os(path, std::ios::binary | std::ios::trunc);
    os.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    os.close();
    return path;
}

std::filesystem::path writeInput(const std::string& text, const std::string& extension)
{
    return writeInput(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), extension);
}

} // namespace gebiedscan::fuzz
