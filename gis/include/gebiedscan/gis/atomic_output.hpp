#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::gis {

/// Writes an output under a temporary name in the destination folder and renames it into place
/// on commit(), so a reader (or a crash, or SIGKILL) never sees a half-written file: the final
/// path holds either the complete previous output or the complete new one. Uncommitted
/// temporaries are removed by the destructor.
class AtomicOutput {
public:
    /// `finals`: the files that will be produced (a Shapefile has several). The temporary of
    /// each keeps its extension so GDAL picks the right driver.
    explicit AtomicOutput(std::vector<std::filesystem::path> finals);
    explicit AtomicOutput(const std::filesystem::path& final) : AtomicOutput(std::vector<std::filesystem::path>{final})
    {}
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    /// Temporary path for final number i.
    [[nodiscard]] const std::filesystem::path& temp(std::size_t i = 0) const { return m_temps[i]; }
    /// fsyncs and renames every temporary over its final path. Throws OutputError.
    void commit();

private:
    std::vector<std::filesystem::path> m_finals;
    std::vector<std::filesystem::path> m_temps;
    bool m_committed = false;
};

/// Writes a text file (summary.json, toelichting.txt) through an AtomicOutput. Throws OutputError.
void writeTextFile(const std::filesystem::path& file, const std::string& text);

/// Throws OutputError naming the folder when `dir` cannot be created or is not writable. Then
/// removes the temporaries that killed runs left behind (see removeStaleTemporaries).
void ensureWritableFolder(const std::filesystem::path& dir);

/// Removes AtomicOutput temporaries (".NAME.tmp-PID-N.ext", SQLite journals included) in `dir`
/// whose process no longer runs; returns how many. A temporary of a live process is kept.
std::size_t removeStaleTemporaries(const std::filesystem::path& dir);

} // namespace gebiedscan::gis
