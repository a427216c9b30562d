#pragma once
// The command line's side of messages: errors on stderr ("gebiedscan: fout: ..."), and the
// Reporter that prints a job's summary, warnings and progress. stdout is kept for results.
#include "gebiedscan/pipeline/reporter.hpp"

#include <cstdint>
#include <string>

namespace gebiedscan::app {

void printError(const std::string& message);

/// Prints on stderr: info unless quiet, warnings always, progress redrawn in place on a terminal
/// (a line every few seconds otherwise), at most a few times a second.
class ConsoleReporter : public pipeline::Reporter {
public:
    explicit ConsoleReporter(bool quiet = false);
    void info(const std::string& message) override;
    void warning(const std::string& message) override;
    void progress(const std::string& phase, std::int64_t done, std::int64_t total) override;
    void progressDone(const std::string& phase) override;

    /// The one warning every command prints when it writes police-internal output.
    void warnInternalOutput();

private:
    bool m_quiet;
    bool m_tty;
    bool m_lineShown = false;
    double m_lastTime;
};

} // namespace gebiedscan::app
