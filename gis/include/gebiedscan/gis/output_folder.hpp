#pragma once
// An output folder written as one unit: every file of a run goes into a fresh staging folder
// beside the target, which is swapped in with one atomic rename (renameat2 RENAME_EXCHANGE) on
// commit. A reader, a crash or SIGKILL at any moment sees the previous complete folder or the new
// complete folder, never a mix. A lock beside the target keeps a second run out; it is removed
// when the run ends.
#include <filesystem>
#include <string>
#include <vector>

namespace gebiedscan::gis {

class OutputFolder {
public:
    /// Locks `target` (OutputError naming the other process when a run holds it), checks that
    /// it is new, empty or an earlier gebiedscan output (never a folder of other files), and
    /// creates the staging folder. `producedBy` ("gebiedscan scan 0.1.0") goes in the marker.
    /// `legacyNames`: name prefixes of the files a version before the marker wrote there (a
    /// folder holding only those may be replaced); empty means the scan's.
    OutputFolder(std::filesystem::path target, std::string producedBy, std::vector<std::string> legacyNames = {});

    /// The checks of the constructor that need no lock and create nothing: `target` is a
    /// writable folder gebiedscan may replace, or does not exist and could be created (its
    /// nearest existing ancestor is a writable folder). OutputError otherwise. A command calls
    /// it before its analysis, so that a refused run leaves the disk as it was.
    static void check(const std::filesystem::path& target, const std::vector<std::string>& legacyNames = {});

    /// Where the staged files will be once committed.
    [[nodiscard]] std::filesystem::path finalPath(const std::filesystem::path& staged) const
    {
        return m_target / staged.filename();
    }
    /// Without commit: removes the staging folder; the target is left as it was.
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    /// Where the run writes its files.
    [[nodiscard]] const std::filesystem::path& path() const { return m_staging; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }

    /// A failed write into the staging folder as the user should read it: the target named (not
    /// the hidden staging folder), a full disk said as such (GDAL reports it as a failed COMMIT),
    /// and that the previous output is unchanged.
    [[nodiscard]] std::string failure(const std::string& why) const;

    /// fsyncs the staged files, swaps the staging folder in and removes the previous one.
    /// Throws OutputError (the target then still holds the previous output).
    void commit();

    /// The hidden file that marks a folder as gebiedscan's own output.
    static constexpr const char* kMarker = ".gebiedscan";

private:
    /// The constructor after the target's parent exists: lock, checks, staging folder.
    void open(const std::vector<std::string>& legacyNames);
    /// Without commit: the staging folder, and the folders above the target this run created.
    void removeCreated();
    /// Removes the lock file (while still holding it) and releases the lock.
    void releaseLock();

    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    std::filesystem::path m_lock; ///< `.<name>.lock` beside the target, held while the run lives
    std::string m_producedBy;
    std::vector<std::filesystem::path> m_created; ///< parents of the target this run created
    int m_lockFd = -1;
    bool m_committed = false;
};

} // namespace gebiedscan::gis
