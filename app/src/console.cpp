#include "console.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace gebiedscan::app {

namespace {
bool g_quiet = false;
int g_exitCode = 0;

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
} // namespace

void printError(const std::string& message)
{
    fmt::print(stderr, "gebiedscan: fout: {}\n", message);
}
void printWarning(const std::string& message)
{
    fmt::print(stderr, "gebiedscan: waarschuwing: {}\n", message);
}
void printInfo(const std::string& message)
{
    if (!g_quiet) fmt::print(stderr, "{}\n", message);
}
void warnInternalOutput()
{
    printWarning("interne uitvoer zonder onderdrukking van kleine aantallen: niet verstrekken buiten de politie");
}
void setQuiet(bool q)
{
    g_quiet = q;
}
bool quiet()
{
    return g_quiet;
}
void setExitCode(int code)
{
    g_exitCode = code;
}
int exitCode()
{
    return g_exitCode;
}

Progress::Progress(std::string label, std::int64_t total)
    : m_label(std::move(label)), m_total(total), m_lastTime(now()), m_tty(::isatty(STDERR_FILENO) != 0)
{}

void Progress::update(std::int64_t done)
{
    if (g_quiet) return;
    const double t = now();
    if (t - m_lastTime < (m_tty ? 0.2 : 5.0)) return;
    m_lastTime = t;
    m_lastShown = done;
    const std::string text = m_total > 0 ? fmt::format("{}: {} van {} ({:.0f}%)", m_label, done, m_total,
                                                       100.0 * static_cast<double>(done) / static_cast<double>(m_total))
                                         : fmt::format("{}: {}", m_label, done);
    if (m_tty)
        fmt::print(stderr, "\r{}\x1b[K", text);
    else
        fmt::print(stderr, "{}\n", text);
    std::fflush(stderr);
}

void Progress::finish()
{
    if (!g_quiet && m_tty && m_lastShown >= 0) fmt::print(stderr, "\r\x1b[K");
}

} // namespace gebiedscan::app
