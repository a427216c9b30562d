#include "gebiedscan/gis/output_folder.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/language.hpp"

#include <fcntl.h>
#include <stdio.h> // renameat2 (glibc >= 2.28)
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace gebiedscan::gis {

namespace fs = std::filesystem;

namespace {

void syncPath(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// The files an earlier run wrote, from its marker; nullopt when the folder has no marker.
std::optional<std::set<std::string>> previousManifest(const fs::path& folder)
{
    std::ifstream in(folder / OutputFolder::kMarker);
    if (!in) return std::nullopt;
    std::set<std::string> files{OutputFolder::kMarker};
    std::string line;
    std::getline(in, line); // who wrote it
    while (std::getline(in, line))
        if (!line.empty()) files.insert(line);
    return files;
}

// A target folder may be replaced when it is empty or holds only what an earlier run wrote:
// files a user put there must never vanish with the next scan.
void requireReplaceable(const fs::path& target, const std::vector<std::string>& legacyPrefixes)
{
    const auto manifest = previousManifest(target);
    std::string foreign;
    int shown = 0;
    // A folder of a version before the marker: its own file names, nothing else. The scan's is
    // recognised by its summary.json; the other commands' by their file names alone.
    const bool legacyScan = !manifest && (legacyPrefixes.empty() ? fs::exists(target / "summary.json") : true);
    const auto legacyName = [&](const std::string& name) {
        if (name.front() == '.' && name.find(".tmp-") != std::string::npos) return true;
        if (legacyPrefixes.empty())
            return name == "summary.json" || name == "toelichting.txt" || name.rfind("gebiedscan", 0) == 0;
        for (const auto& prefix : legacyPrefixes)
            if (name.rfind(prefix, 0) == 0) return true;
        return false;
    };
    for (const auto& entry : fs::directory_iterator(target)) {
        const std::string name = entry.path().filename().string();
        if (manifest && manifest->count(name)) continue;
        if (legacyScan && legacyName(name)) continue;
        if (shown++ < 5) foreign += (foreign.empty() ? "" : ", ") + name;
    }
    if (shown > 0)
        throw OutputError("output folder '" + target.string() + "' holds files gebiedscan did not write (" + foreign +
                          (shown > 5 ? ", ..." : "") +
                          "); gebiedscan replaces its output folder as a whole: choose a new or empty folder");
}

} // namespace

void OutputFolder::check(const fs::path& path, const std::vector<std::string>& legacyNames)
{
    fs::path target = fs::absolute(path).lexically_normal();
    if (target.filename().empty()) target = target.parent_path(); // "out/"
    std::error_code ec;
    fs::path existing = target;
    while (!fs::exists(existing, ec) && existing.has_relative_path()) existing = existing.parent_path();
    if (!fs::is_directory(existing, ec))
        throw OutputError(existing == target ? "output path '" + target.string() + "' is not a folder"
                                             : "cannot create output folder '" + target.string() + "': '" +
                                                   existing.string() + "' is not a folder");
    if (::access(existing.c_str(), W_OK) != 0)
        throw OutputError((existing == target ? "output folder '" + target.string() + "' is not writable: "
                                              : "cannot create output folder '" + target.string() + "' in '" +
                                                    existing.string() + "': ") +
                          std::strerror(errno));
    if (existing == target) requireReplaceable(target, legacyNames);
}

OutputFolder::OutputFolder(fs::path target, std::string producedBy, std::vector<std::string> legacyNames)
    : m_producedBy(std::move(producedBy))
{
    target = fs::absolute(target).lexically_normal();
    if (target.filename().empty()) target = target.parent_path(); // "out/"
    m_target = target;
    const fs::path parent = m_target.parent_path();
    std::error_code ec;
    // The folders this run creates above the target, removed again when it is refused.
    for (fs::path p = parent; !fs::exists(p, ec) && p.has_relative_path(); p = p.parent_path()) m_created.push_back(p);
    fs::create_directories(parent, ec);
    if (ec) throw OutputError("cannot create output folder '" + m_target.string() + "': " + ec.message());
    try {
        open(legacyNames);
    } catch (...) {
        removeCreated();
        throw;
    }
}

void OutputFolder::open(const std::vector<std::string>& legacyNames)
{
    const fs::path parent = m_target.parent_path();
    std::error_code ec;
    if (fs::exists(m_target, ec)) {
        if (!fs::is_directory(m_target)) throw OutputError("output path '" + m_target.string() + "' is not a folder");
        if (::access(m_target.c_str(), W_OK) != 0)
            throw OutputError("output folder '" + m_target.string() + "' is not writable: " + std::strerror(errno));
        struct stat self {};
        struct stat up {};
        if (::stat(m_target.c_str(), &self) == 0 && ::stat(parent.c_str(), &up) == 0 && self.st_dev != up.st_dev)
            throw OutputError("output folder '" + m_target.string() +
                              "' is a mount point; gebiedscan replaces its output folder as a whole: choose a "
                              "folder inside it");
    }

    const std::string name = m_target.filename().string();
    m_lock = parent / ("." + name + ".lock");
    // The lock file is removed by its holder when the run ends. A run that opened it just before
    // may then lock the removed file: it sees that the path no longer names what it locked and
    // tries again, so two runs never both believe they hold the lock.
    for (int attempt = 0;; ++attempt) {
        m_lockFd = ::open(m_lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_lockFd < 0)
            throw OutputError("cannot write in '" + parent.string() + "' (for output folder '" + m_target.string() +
                              "'): " + std::strerror(errno));
        if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
            // The holder writes its pid just after taking the lock: give it a moment before saying "?".
            char buf[32] = {};
            ssize_t n = 0;
            for (int wait = 0; wait < 50 && (n = ::pread(m_lockFd, buf, sizeof buf - 1, 0)) <= 0; ++wait)
                ::usleep(10000);
            const std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "?";
            ::close(m_lockFd);
            m_lockFd = -1;
            throw OutputError("output folder '" + m_target.string() +
                              "' is being written by another gebiedscan run (process " + pid +
                              "): wait until it is done or choose another --out");
        }
        struct stat held {};
        struct stat named {};
        if (::fstat(m_lockFd, &held) == 0 && ::stat(m_lock.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
            held.st_ino == named.st_ino)
            break;
        ::close(m_lockFd); // locked a file its holder had just removed
        m_lockFd = -1;
        if (attempt >= 100)
            throw OutputError("cannot lock output folder '" + m_target.string() + "': '" + m_lock.string() +
                              "' keeps being replaced");
    }
    const std::string pid = std::to_string(::getpid());
    if (::ftruncate(m_lockFd, 0) != 0 || ::pwrite(m_lockFd, pid.data(), pid.size(), 0) < 0) {
        // The lock itself holds; the pid is only for the message of a second run.
    }
    // Holding the lock, no other run of this target is alive: staging folders left are a killed
    // run's (new output never swapped in, or an old one not yet removed).
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        const std::string other = entry.path().filename().string();
        if (other.rfind("." + name + ".new-", 0) == 0) fs::remove_all(entry.path(), ec);
    }
    if (fs::exists(m_target)) requireReplaceable(m_target, legacyNames);

    m_staging = parent / ("." + name + ".new-" + pid);
    fs::create_directory(m_staging, ec);
    if (ec) throw OutputError("cannot create output folder '" + m_staging.string() + "': " + ec.message());
}

OutputFolder::~OutputFolder()
{
    if (!m_committed) removeCreated();
    releaseLock();
}

void OutputFolder::releaseLock()
{
    if (m_lockFd < 0) return;
    // Removed while still held: a run waiting on this file retries on a fresh one (see open).
    ::unlink(m_lock.c_str());
    ::close(m_lockFd);
    m_lockFd = -1;
}

void OutputFolder::removeCreated()
{
    std::error_code ec;
    if (!m_staging.empty()) fs::remove_all(m_staging, ec);
    releaseLock();
    for (const auto& dir : m_created) fs::remove(dir, ec); // innermost first; only when empty
}

std::string OutputFolder::failure(const std::string& why) const
{
    const std::string target = m_target.string();
    const std::string unchanged =
        tr("; de vorige uitvoer in die map is ongewijzigd", "; the previous output in that folder is unchanged");
    const std::string nothing = tr("; er is niets geschreven", "; nothing was written");
    if (why.find(unchanged) != std::string::npos || why.find(nothing) != std::string::npos)
        return why; // framed already (commit)
    std::error_code ec;
    const std::string outcome = fs::exists(m_target, ec) ? unchanged : nothing;
    std::string reason = why;
    // The user never sees the hidden staging folder: name the target instead.
    if (!m_staging.empty())
        for (std::size_t at; (at = reason.find(m_staging.string())) != std::string::npos;)
            reason.replace(at, m_staging.string().size(), target);
    // GDAL/SQLite say a full disk as a failed COMMIT or "database or disk is full"; by now the
    // failed file may be removed again, so the free space alone does not tell.
    struct statvfs disk {};
    const bool lowSpace = ::statvfs(m_target.parent_path().c_str(), &disk) == 0 &&
                          static_cast<unsigned long long>(disk.f_bavail) * disk.f_frsize < 1024ULL * 1024ULL;
    const bool saysFull = reason.find("disk is full") != std::string::npos ||
                          reason.find("No space left") != std::string::npos ||
                          // SQLite rolls back on SQLITE_FULL; GDAL's COMMIT then finds no transaction.
                          reason.find("no transaction is active") != std::string::npos ||
                          // A GeoPackage's own tables, created by GDAL a moment before, are
                          // missing only when that write failed: the disk filled meanwhile (the
                          // parallel writers' temporary files are gone by now, so is the space).
                          reason.find("no such table: gpkg_") != std::string::npos ||
                          reason.find(std::strerror(ENOSPC)) != std::string::npos;
    if (lowSpace || saysFull)
        return tr("kan de uitvoermap '" + target + "' niet schrijven: de schijf is vol (in '" +
                      m_target.parent_path().string() + "'); maak ruimte vrij of kies met --out een andere schijf",
                  "cannot write output folder '" + target + "': the disk is full (in '" +
                      m_target.parent_path().string() + "'); free some space or choose another disk with --out") +
               outcome + tr(" (melding van de schrijver: ", " (the writer said: ") + reason + ")";
    return tr("kan de uitvoermap '" + target + "' niet schrijven: ", "cannot write output folder '" + target + "': ") +
           reason + outcome;
}

void OutputFolder::commit()
{
    const auto fail = [&](const std::string& why) { return OutputError(failure(why)); };
    std::ostringstream manifest;
    manifest << m_producedBy << "\n";
    for (const auto& entry : fs::directory_iterator(m_staging)) {
        syncPath(entry.path());
        manifest << entry.path().filename().string() << "\n";
    }
    {
        std::ofstream marker(m_staging / kMarker, std::ios::binary);
        marker << manifest.str();
        marker.flush();
        if (!marker) throw fail("cannot write its marker file");
    }
    syncPath(m_staging / kMarker);
    syncPath(m_staging);
    if (fs::exists(m_target)) {
        // One atomic step: the target now names the new folder, the staging path the old one.
        if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) != 0)
            throw fail(std::strerror(errno));
        m_committed = true;
        std::error_code ec;
        fs::remove_all(m_staging, ec); // the previous output
    } else {
        if (::rename(m_staging.c_str(), m_target.c_str()) != 0) throw fail(std::strerror(errno));
        m_committed = true;
    }
    syncPath(m_target.parent_path());
}

} // namespace gebiedscan::gis
