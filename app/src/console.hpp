#pragma once
#include <cstdint>
#include <string>

namespace gebiedscan::app {

/// Messages to the user on stderr ("gebiedscan: fout: ..."); stdout is kept for results.
void printError(const std::string& message);
void printWarning(const std::string& message);
void printInfo(const std::string& message);
/// The one warning every command prints when it writes police-internal output without suppression.
void warnInternalOutput();
void setQuiet(bool quiet);
[[nodiscard]] bool quiet();

/// The exit code a subcommand asks main() to return after a run that threw nothing.
void setExitCode(int code);
[[nodiscard]] int exitCode();

/// A progress line on stderr, redrawn in place on a terminal, at most a few times a second.
class Progress {
public:
    Progress(std::string label, std::int64_t total);
    void update(std::int64_t done);
    void finish();

private:
    std::string m_label;
    std::int64_t m_total;
    std::int64_t m_lastShown = -1;
    double m_lastTime = 0.0;
    bool m_tty;
};

} // namespace gebiedscan::app
