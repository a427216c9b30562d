#pragma once
// Where a job's messages and progress go. The command line prints them on stderr, the viewer
// shows them in its status bar, tests collect them: jobs never print and keep no global state.
#include <cstdint>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

class Reporter {
public:
    virtual ~Reporter() = default;
    /// A line of the run's summary ("Registraties: ... gelezen").
    virtual void info(const std::string& message) = 0;
    /// Something the user must see even when quiet (a likely wrong CRS, data lost in a bucket).
    virtual void warning(const std::string& message) = 0;
    /// Progress of a long phase; `total` < 0 when unknown. Called often: implementations throttle.
    virtual void progress(const std::string& phase, std::int64_t done, std::int64_t total) = 0;
    /// The phase has ended (a terminal clears its progress line).
    virtual void progressDone(const std::string& phase) = 0;
};

/// Keeps every message; progress is ignored. For tests and for callers that show messages later.
class CollectingReporter : public Reporter {
public:
    void info(const std::string& message) override { infos.push_back(message); }
    void warning(const std::string& message) override { warnings.push_back(message); }
    void progress(const std::string&, std::int64_t, std::int64_t) override {}
    void progressDone(const std::string&) override {}

    std::vector<std::string> infos;
    std::vector<std::string> warnings;
};

/// Progress of one phase through a reporter: `update` per record, `finish` at the end.
class PhaseProgress {
public:
    PhaseProgress(Reporter& reporter, std::string phase, std::int64_t total)
        : m_reporter(reporter), m_phase(std::move(phase)), m_total(total)
    {}
    void update(std::int64_t done)
    {
        // Every 4096th record is often enough for a line redrawn a few times a second.
        if ((done & 4095) == 0) m_reporter.progress(m_phase, done, m_total);
    }
    void finish() { m_reporter.progressDone(m_phase); }

private:
    Reporter& m_reporter;
    std::string m_phase;
    std::int64_t m_total;
};

} // namespace gebiedscan::pipeline
