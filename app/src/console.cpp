#include "console.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace gebiedscan::app {

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

void printError(const std::string& message)
{
    fmt::print(stderr, "gebiedscan: fout: {}\n", message);
}

ConsoleReporter::ConsoleReporter(bool quiet) : m_quiet(quiet), m_tty(::isatty(STDERR_FILENO) != 0), m_lastTime(now()) {}

void ConsoleReporter::info(const std::string& message)
{
    if (!m_quiet) fmt::print(stderr, "{}\n", message);
}

void ConsoleReporter::warning(const std::string& message)
{
    fmt::print(stderr, "gebiedscan: waarschuwing: {}\n", message);
}

void ConsoleReporter::warnInternalOutput()
{
    warning("interne uitvoer zonder onderdrukking van kleine aantallen: niet verstrekken buiten de politie");
}

void ConsoleReporter::progress(const std::string& phase, std::int64_t done, std::int64_t total)
{
    if (m_quiet) return;
    const double t = now();
    if (t - m_lastTime < (m_tty ? 0.2 : 5.0)) return;
    m_lastTime = t;
    m_lineShown = true;
    const std::string text = total > 0  ? fmt::format("{}: {} van {} ({:.0f}%)", phase, done, total,
                                                      100.0 * static_cast<double>(done) / static_cast<double>(total))
                             : done > 0 ? fmt::format("{}: {}", phase, done)
                                        : fmt::format("{} ...", phase); // a phase of unknown length has begun
    if (m_tty)
        fmt::print(stderr, "\r{}\x1b[K", text);
    else
        fmt::print(stderr, "{}\n", text);
    std::fflush(stderr);
}

void ConsoleReporter::progressDone(const std::string&)
{
    if (!m_quiet && m_tty && m_lineShown) fmt::print(stderr, "\r\x1b[K");
    m_lineShown = false;
}

} // namespace gebiedscan::app
