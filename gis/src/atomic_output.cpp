#include "gebiedscan/gis/atomic_output.hpp"

#include "gebiedscan/core/error.hpp"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <regex>
#include <string>

namespace gebiedscan::gis {

namespace fs = std::filesystem;

namespace {
std::atomic<unsigned> g_counter{0};

void syncFile(const fs::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
} // namespace

AtomicOutput::AtomicOutput(std::vector<fs::path> finals) : m_finals(std::move(finals))
{
    const std::string tag = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++);
    for (const auto& f : m_finals) {
        // Hidden name in the same folder (same file system, so rename is atomic).
        m_temps.push_back(f.parent_path() / ("." + f.stem().string() + tag + f.extension().string()));
    }
}

AtomicOutput::~AtomicOutput()
{
    if (m_committed) return;
    std::error_code ec;
    for (const auto& t : m_temps) fs::remove(t, ec);
}

void AtomicOutput::commit()
{
    for (std::size_t i = 0; i < m_temps.size(); ++i) {
        if (!fs::exists(m_temps[i])) throw OutputError("output '" + m_finals[i].string() + "' was not produced");
        syncFile(m_temps[i]);
    }
    for (std::size_t i = 0; i < m_temps.size(); ++i) {
        std::error_code ec;
        fs::rename(m_temps[i], m_finals[i], ec);
        if (ec) throw OutputError("cannot write '" + m_finals[i].string() + "': " + ec.message());
    }
    if (!m_finals.empty())
        syncFile(m_finals.front().parent_path().empty() ? fs::path(".") : m_finals.front().parent_path());
    m_committed = true;
}

void writeTextFile(const fs::path& file, const std::string& text)
{
    AtomicOutput out(file);
    {
        std::ofstream os(out.temp(), std::ios::binary);
        os << text;
        os.flush();
        if (!os) throw OutputError("cannot write '" + file.string() + "'");
    }
    out.commit();
}

std::size_t removeStaleTemporaries(const fs::path& dir)
{
    static const std::regex temporary(R"(^\..+\.tmp-([0-9]+)-[0-9]+(\..*)?$)");
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::smatch m;
        if (!std::regex_match(name, m, temporary)) continue;
        const long pid = std::strtol(m[1].str().c_str(), nullptr, 10);
        // kill(pid, 0) fails with ESRCH only when no such process exists.
        if (pid <= 0 || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        std::error_code removeError;
        if (fs::remove(it->path(), removeError)) ++removed;
    }
    return removed;
}

void ensureWritableFolder(const fs::path& dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw OutputError("cannot create output folder '" + dir.string() + "': " + ec.message());
    if (!fs::is_directory(dir)) throw OutputError("output path '" + dir.string() + "' is not a folder");
    if (::access(dir.c_str(), W_OK) != 0)
        throw OutputError("output folder '" + dir.string() + "' is not writable: " + std::strerror(errno));
    removeStaleTemporaries(dir);
}

} // namespace gebiedscan::gis
