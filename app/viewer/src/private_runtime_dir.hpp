#pragma once
// A private XDG_RUNTIME_DIR for one run of a Qt front end (the viewer and `gebiedscan report`).
// Qt prints "QStandardPaths: XDG_RUNTIME_DIR not set" on every run outside a login session
// (cron, ssh, CI, offscreen screenshots). We never use the runtime location, so a private folder
// (0700, as Qt demands) for the duration of the run keeps the message away without hiding other
// warnings. Header-only, in gebiedscan_viewmodels, which both front ends link.
#include <stdlib.h> // mkdtemp, setenv, unsetenv

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace gebiedscan::viewer {

/// Sets XDG_RUNTIME_DIR to a new private folder in the temporary directory when it is unset or
/// empty, and removes folder and variable again on destruction. A set variable is left alone.
/// Construct it before the Q(Gui)Application and destroy it after.
class PrivateRuntimeDir {
public:
    PrivateRuntimeDir()
    {
        if (const char* set = std::getenv("XDG_RUNTIME_DIR"); set && *set) return;
        std::error_code ec;
        std::string pattern = (std::filesystem::temp_directory_path(ec) / "gebiedscan-runtime-XXXXXX").string();
        if (ec) pattern = "/tmp/gebiedscan-runtime-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) return; // mkdtemp makes it 0700
        m_dir = pattern;
        ::setenv("XDG_RUNTIME_DIR", m_dir.c_str(), 1);
    }
    ~PrivateRuntimeDir()
    {
        if (m_dir.empty()) return;
        ::unsetenv("XDG_RUNTIME_DIR");
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    PrivateRuntimeDir(const PrivateRuntimeDir&) = delete;
    PrivateRuntimeDir& operator=(const PrivateRuntimeDir&) = delete;

    /// The folder made for this run; empty when XDG_RUNTIME_DIR was already set (or mkdtemp failed).
    [[nodiscard]] const std::string& path() const { return m_dir; }

private:
    std::string m_dir;
};

} // namespace gebiedscan::viewer
