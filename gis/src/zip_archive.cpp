#include "gebiedscan/gis/zip_archive.hpp"

#include "gdal_util.hpp"
#include "gebiedscan/core/error.hpp"
#include "gebiedscan/gis/atomic_output.hpp"

#include <cpl_conv.h>

#include <algorithm>
#include <fstream>
#include <vector>

namespace gebiedscan::gis {

namespace fs = std::filesystem;

namespace {

// Closes the archive on every path out (a half-written temporary is removed by AtomicOutput).
struct ZipHandle {
    void* handle = nullptr;
    ~ZipHandle()
    {
        if (handle) CPLCloseZip(handle);
    }
};

} // namespace

void writeZipArchive(const fs::path& zipFile, const fs::path& folder, const std::string& root)
{
    detail::ensureGdal();
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    AtomicOutput out(zipFile);
    const auto fail = [&](const std::string& what) {
        throw OutputError("cannot write '" + zipFile.string() + "': " + what + " " + detail::lastGdalError(""));
    };
    {
        ZipHandle zip;
        CPLErrorReset();
        zip.handle = CPLCreateZip(out.temp().c_str(), nullptr);
        if (!zip.handle) fail("cannot create the archive");
        std::vector<char> buffer(1 << 20);
        for (const auto& file : files) {
            const std::string name = root + "/" + fs::relative(file, folder).generic_string();
            if (CPLCreateFileInZip(zip.handle, name.c_str(), nullptr) != CE_None) fail(name);
            std::ifstream in(file, std::ios::binary);
            if (!in) fail("cannot read " + file.string());
            while (in) {
                in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                const auto n = in.gcount();
                if (n > 0 && CPLWriteFileInZip(zip.handle, buffer.data(), static_cast<int>(n)) != CE_None) fail(name);
            }
            if (CPLCloseFileInZip(zip.handle) != CE_None) fail(name);
        }
        const CPLErr closed = CPLCloseZip(zip.handle);
        zip.handle = nullptr;
        if (closed != CE_None) fail("cannot finish the archive");
    }
    out.commit();
}

} // namespace gebiedscan::gis
