#pragma once
// Helpers shared by the gis IO tests: temporary folders, fixture files written at test time,
// running GDAL's command-line tools (an independent path from our own reader and writers), and
// the locale switch that reruns IO tests under a comma-decimal locale.
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace gebiedscan::testing {

/// A fresh folder under the system temp dir, removed (recursively) when the object dies.
class TempDir {
public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "gebiedscan-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir()
    {
        std::error_code ec;
        // A test may have made the folder read-only; give it back before removing.
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

inline void writeText(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream os(file, std::ios::binary);
    os << text;
    if (!os) throw std::runtime_error("cannot write fixture " + file.string());
}

inline std::string readText(const std::filesystem::path& file)
{
    std::ifstream is(file, std::ios::binary);
    std::ostringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

/// Runs a shell command, returns its exit status (-1 when it did not exit normally); output
/// goes to `log` when given.
inline int run(const std::string& command, std::string* log = nullptr)
{
    std::string full = command + " 2>&1";
    FILE* pipe = ::popen(full.c_str(), "r");
    if (!pipe) return -1;
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = ::pclose(pipe);
    if (log) *log = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// A source spec for a file and (optionally) a layer.
inline gis::SourceSpec source(const std::string& path, const std::string& layer = "")
{
    gis::SourceSpec s;
    s.path = path;
    s.layer = layer;
    return s;
}

inline std::string quote(const std::filesystem::path& p)
{
    return "'" + p.string() + "'";
}

/// ogr2ogr from `src` to `dst` with extra arguments; fails the test with the tool's output.
inline void ogr2ogr(const std::filesystem::path& dst, const std::filesystem::path& src, const std::string& args = "")
{
    std::string log;
    const int rc = run("ogr2ogr -q " + args + " " + quote(dst) + " " + quote(src), &log);
    ASSERT_EQ(rc, 0) << "ogr2ogr failed: " << log;
}

/// True when `s` is well-formed UTF-8 (no overlongs or surrogates checked beyond structure).
inline bool isValidUtf8(const std::string& s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

/// Value-parameterised base for IO tests: each runs once in the C locale and once in
/// nl_NL.UTF-8 (decimal comma), skipped with a message when that locale is not installed
/// (scripts/install-deps.sh --test generates it).
class LocaleTest : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override
    {
        if (!std::setlocale(LC_ALL, GetParam()))
            GTEST_SKIP() << "locale " << GetParam() << " is not installed (run scripts/install-deps.sh --test)";
    }
    void TearDown() override { std::setlocale(LC_ALL, "C"); }
};

inline std::string localeName(const ::testing::TestParamInfo<const char*>& info)
{
    return std::string(info.param) == "C" ? "C" : "nl_NL";
}

} // namespace gebiedscan::testing

#define GEBIEDSCAN_LOCALE_SUITE(Suite)                                                                                 \
    INSTANTIATE_TEST_SUITE_P(Locales, Suite, ::testing::Values("C", "nl_NL.UTF-8"), ::gebiedscan::testing::localeName)
